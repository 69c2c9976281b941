using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.Helmfile;
using Pipelines.Sync;

/// <summary>The CD side of the pipelines: cd.yml (render, then sync test, stage, plan prod, sync prod).</summary>
partial class Build
{
    /// <summary>Environments whose sync waits for approval: a plan job shows the approvers what will change first.</summary>
    static readonly string[] PlannedEnvironments = ["prod"];

    /// <summary>
    /// CD: render every environment with the removed-API check, then sync test, stage and prod in turn. Only from
    /// the default branch: a dispatch from another ref runs nothing but the job that says so.
    /// </summary>
    static Workflow CdWorkflow(WorkflowContext context)
    {
        var environments = context.Environments;
        var jobs = new List<Job>
        {
            BranchGuard.ExplainJob(DefaultBranch, "cd.yml renders and syncs"),
            new()
            {
                Id = "render",
                Name = nameof(IHelmfileRender.RenderHelmfile),
                If = BranchGuard.OnBranch(DefaultBranch),
                TimeoutMinutes = 15,
                Strategy = new(
                    new Matrix(
                        environments.Select(e => new MatrixRow((ClusterMatrix.Env, e))).ToList()
                    )
                ),
                Steps =
                [
                    .. SetupSteps.Build(),
                    new BuildStep(nameof(IHelmfileRender.RenderHelmfile))
                    {
                        Name = "RenderHelmfile (with the removed-API check)",
                        Parameters =
                        [
                            new(nameof(IHelmfileRender.Env), Expr.Matrix(ClusterMatrix.Env)),
                        ],
                    },
                ],
            },
        };
        var previous = "render";
        foreach (var environment in environments)
        {
            IReadOnlyList<string> needs = [previous];
            if (PlannedEnvironments.Contains(environment))
            {
                var plan = PlanJob(context, environment, previous);
                jobs.Add(plan);
                needs = [previous, plan.Id];
            }
            jobs.Add(SyncJob(context, environment, needs));
            previous = jobs[^1].Id;
        }
        return new()
        {
            FileName = "cd.yml",
            Name = "CD",
            On = new()
            {
                Push = new() { Branches = [DefaultBranch], Paths = ["helmfile/**", "charts/**"] },
                WorkflowDispatch = new(),
            },
            Jobs = jobs,
        };
    }

    /// <summary>
    /// Sync of one environment, a leg per live cluster, with the environment's CD role. One job per cluster at a time
    /// across cd, drift and provision (<see cref="ClusterMatrix.Lock"/>); a newer run waits, never cancelling one
    /// mid-apply.
    /// </summary>
    static Job SyncJob(WorkflowContext context, string environment, IReadOnlyList<string> needs) =>
        new()
        {
            Id = $"sync-{environment}",
            Name = $"Sync {environment}",
            Needs = needs,
            If = BranchGuard.OnBranch(DefaultBranch),
            Environment = new(environment),
            Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
            Concurrency = new(ClusterMatrix.Lock, CancelInProgress: false),
            TimeoutMinutes = 30,
            Strategy = ClusterMatrix.For(
                context.LiveClusters(environment),
                $"environment {environment}"
            ),
            Steps =
            [
                .. ClusterLegSetup(),
                new BuildStep(nameof(ISync.Sync))
                {
                    Parameters =
                    [
                        new(nameof(IHelmfileRender.Env), environment),
                        new(nameof(IHelmfileRender.Cluster), Expr.Matrix(ClusterMatrix.Cluster)),
                        BuildArgument.Flag(nameof(ISync.Prune)),
                    ],
                },
            ],
        };

    /// <summary>
    /// The plan approvers read: <c>Sync --check</c> of each cluster with the read-only role, its per-object table and
    /// diffs in the job summary. Exit 2 (changes pending) is the expected answer; anything else fails the plan, and
    /// the protected sync, which needs it, does not start.
    /// </summary>
    static Job PlanJob(WorkflowContext context, string environment, string needs) =>
        new()
        {
            Id = $"plan-{environment}",
            Name = $"Plan {environment} (Sync --check, read-only)",
            Needs = [needs],
            If = BranchGuard.OnBranch(DefaultBranch),
            Environment = new(ReadOnlyEnvironment(environment)),
            Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
            Concurrency = new(ClusterMatrix.Lock, CancelInProgress: false),
            TimeoutMinutes = 20,
            Strategy = ClusterMatrix.For(
                context.LiveClusters(environment),
                $"the plan of {environment}"
            ),
            Steps =
            [
                .. ClusterLegSetup(),
                new BuildStep(nameof(ISync.Sync))
                {
                    Name = "Sync --check (the plan, in the job summary; exit 2: changes pending)",
                    Parameters =
                    [
                        new(nameof(IHelmfileRender.Env), environment),
                        new(nameof(IHelmfileRender.Cluster), Expr.Matrix(ClusterMatrix.Cluster)),
                        BuildArgument.Flag(nameof(ISync.Check)),
                    ],
                    AcceptedExitCodes = [0, 2],
                },
            ],
        };

    /// <summary>
    /// What every per-cluster job starts with: the build, full history (Sync's rollback guard checks that the
    /// revision it applies descends from the one the cluster last got), AWS credentials of the job's environment, and
    /// the leg's kube context.
    /// </summary>
    static IReadOnlyList<Step> ClusterLegSetup() =>
        [
            .. SetupSteps.Build(fetchDepth: 0),
            SetupSteps.AwsCredentials(Expr.Matrix(ClusterMatrix.Region)),
            SetupSteps.Kubeconfig(),
        ];

    /// <summary>The GitHub environment of read-only jobs (drift, plans) of <paramref name="environment"/>.</summary>
    static string ReadOnlyEnvironment(string environment) => $"{environment}-read-only";
}
