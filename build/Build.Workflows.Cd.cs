using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.Helmfile;
using Pipelines.Sync;

/// <summary>The CD side of the pipelines: cd.yml (render, then sync test, stage, prod) and drift.yml.</summary>
partial class Build
{
    /// <summary>CD: render every environment with the removed-API check, then sync test, stage and prod in turn.</summary>
    static Workflow CdWorkflow(WorkflowContext context)
    {
        var environments = context.Environments;
        var jobs = new List<Job>
        {
            new()
            {
                Id = "render",
                Name = nameof(IHelmfileRender.RenderHelmfile),
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
        foreach (var environment in environments)
        {
            jobs.Add(SyncJob(context, environment, needs: jobs[^1].Id));
        }
        return new()
        {
            FileName = "cd.yml",
            Name = "CD",
            On = new()
            {
                Push = new() { Branches = ["main"], Paths = ["helmfile/**", "charts/**"] },
                WorkflowDispatch = new(),
            },
            Jobs = jobs,
        };
    }

    /// <summary>
    /// Sync of one environment, a leg per live cluster. One sync per cluster at a time: a newer run waits, and
    /// replaces a run still waiting; in test and stage it cancels the one in progress, in prod never.
    /// </summary>
    static Job SyncJob(WorkflowContext context, string environment, string needs) =>
        new()
        {
            Id = $"sync-{environment}",
            Name = $"Sync {environment}",
            Needs = [needs],
            Environment = new(environment),
            Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
            Concurrency = new(
                $"sync-{environment}-{Expr.Matrix(ClusterMatrix.Cluster)}",
                CancelInProgress: environment != "prod"
            ),
            TimeoutMinutes = 30,
            Strategy = ClusterMatrix.For(
                context.LiveClusters(environment),
                $"environment {environment}"
            ),
            Steps =
            [
                .. SetupSteps.Build(),
                SetupSteps.AwsCredentials(Expr.Matrix(ClusterMatrix.Region)),
                SetupSteps.Kubeconfig(),
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

    /// <summary>Drift: Sync --check of every live cluster on a schedule; exit 2 fails the leg, the diff goes to the summary.</summary>
    static Workflow DriftWorkflow(WorkflowContext context) =>
        new()
        {
            FileName = "drift.yml",
            Name = "Drift",
            On = new() { Schedules = ["17 */6 * * *"], WorkflowDispatch = new() },
            Concurrency = new("drift", CancelInProgress: true),
            Jobs =
            [
                new()
                {
                    Id = "drift",
                    Name = "Sync --check",
                    Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                    TimeoutMinutes = 20,
                    Strategy = ClusterMatrix.For(context.LiveClusters(), "the drift check"),
                    Steps =
                    [
                        .. SetupSteps.Build(),
                        SetupSteps.AwsCredentials(Expr.Matrix(ClusterMatrix.Region)),
                        SetupSteps.Kubeconfig(),
                        new BuildStep(nameof(ISync.Sync))
                        {
                            Name = "Sync --check (exit 2: drift, shown in the job summary)",
                            Parameters =
                            [
                                new(nameof(IHelmfileRender.Env), Expr.Matrix(ClusterMatrix.Env)),
                                new(
                                    nameof(IHelmfileRender.Cluster),
                                    Expr.Matrix(ClusterMatrix.Cluster)
                                ),
                                BuildArgument.Flag(nameof(ISync.Check)),
                            ],
                        },
                    ],
                },
            ],
        };
}
