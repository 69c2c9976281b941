using System.Text.Json;
using Pipelines.Clusters;
using Pipelines.ConfigRepo;
using Pipelines.ConfigRepo.Publish;
using Pipelines.GitHubActions;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.Helmfile;

/// <summary>
/// provision.yml: the cluster lifecycle on demand, from the default branch only. One job runs the target the
/// <c>action</c> input names, for the environment chosen, in that environment's <c>&lt;env&gt;-lifecycle</c> GitHub
/// environment (its protection rules, its role, its CONFIG_REPO_TOKEN).
/// </summary>
partial class Build
{
    static Workflow ProvisionWorkflow(WorkflowContext context)
    {
        var environments = context.Clusters.Select(c => c.Environment).Distinct().ToList();
        // The AWS region of each environment, looked up by the chosen input at run time.
        var regions = JsonSerializer.Serialize(
            environments.ToDictionary(
                e => e,
                e => context.Clusters.First(c => c.Environment == e).Region
            )
        );
        static WorkflowInput Text(string name, string description) =>
            new()
            {
                Name = name,
                Description = description,
                Type = InputType.String,
            };
        return new()
        {
            FileName = "provision.yml",
            Name = "Cluster lifecycle",
            On = new()
            {
                WorkflowDispatch = new()
                {
                    Inputs =
                    [
                        new()
                        {
                            Name = "action",
                            Description = "What to do",
                            Type = InputType.Choice,
                            Required = true,
                            Default = nameof(IClusterLifecycle.ClusterStatus),
                            Options =
                            [
                                nameof(IClusterLifecycle.ProvisionCluster),
                                nameof(IClusterLifecycle.MigrateApp),
                                nameof(IClusterLifecycle.ClusterStatus),
                                nameof(IClusterLifecycle.RetireCluster),
                            ],
                        },
                        new()
                        {
                            Name = "env",
                            Description = "Environment (helmfile/clusters.yaml)",
                            Type = InputType.Choice,
                            Required = true,
                            Options = environments,
                        },
                        Text(
                            "kube-version",
                            "ProvisionCluster: Kubernetes major.minor (default: the newest EKS version)"
                        ),
                        Text("app", "MigrateApp: the app to move"),
                        Text("to", "MigrateApp: the cluster to move it to"),
                        Text(
                            "name",
                            "RetireCluster: the cluster to retire (ProvisionCluster: a name other than the default)"
                        ),
                        Text(
                            "deadline",
                            "ProvisionCluster: the migration deadline, a date or 6w (default 6w)"
                        ),
                    ],
                },
            },
            // One lifecycle run per environment, and the cluster it retires locked against cd and drift.
            Concurrency = new($"provision-{Expr.Input("env")}", CancelInProgress: false),
            Jobs =
            [
                BranchGuard.ExplainJob(DefaultBranch, "provision.yml changes clusters"),
                new()
                {
                    Id = "lifecycle",
                    Name = $"{Expr.Input("action")} {Expr.Input("env")}",
                    If = BranchGuard.OnBranch(DefaultBranch),
                    // Its own environment per environment: the role eksctl needs (CloudFormation, EKS, IAM) and
                    // CONFIG_REPO_TOKEN are secrets there, never in the sync jobs' environment.
                    Environment = new(LifecycleEnvironment(Expr.Input("env"))),
                    Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                    Concurrency = new(
                        ClusterMatrix.LockOf(
                            Expr.Of("inputs.name || format('{0}-lifecycle', inputs.env)")
                        ),
                        CancelInProgress: false
                    ),
                    TimeoutMinutes = 60,
                    Steps =
                    [
                        .. SetupSteps.Build(fetchDepth: 0),
                        SetupSteps.AwsCredentials(Expr.Of($"fromJSON('{regions}')[inputs.env]")),
                        new BuildStep
                        {
                            Name = "The chosen lifecycle target",
                            TargetInput = "action",
                            Parameters =
                            [
                                new(nameof(IHelmfileRender.Env), Expr.Input("env")),
                                new(
                                    nameof(IClusterLifecycle.KubeVersion),
                                    Expr.Input("kube-version")
                                ),
                                new(nameof(IClusterLifecycle.App), Expr.Input("app")),
                                new(nameof(IClusterLifecycle.To), Expr.Input("to")),
                                new(nameof(IClusterLifecycle.Name), Expr.Input("name")),
                                new(nameof(IClusterLifecycle.Deadline), Expr.Input("deadline")),
                                new(
                                    nameof(IConfigRepoAccess.GitHubToken),
                                    Expr.Secret("CONFIG_REPO_TOKEN")
                                ),
                            ],
                        },
                        // The runner's checkout is thrown away: what the target changed (clusters.yaml, the eksctl
                        // config) goes to the repository, with the workflows regenerated for the new matrix.
                        // RetireCluster publishes itself, before it deletes the cluster; it also writes the kube
                        // context of the cluster it drains (aws eks update-kubeconfig), as ProvisionCluster does.
                        new BuildStep(nameof(IConfigRepoPublish.PublishChanges))
                        {
                            Name = "Commit what changed (a pull request for prod or for workflows)",
                            If = $"inputs.action != '{nameof(IClusterLifecycle.RetireCluster)}'",
                            Parameters =
                            [
                                new(nameof(IHelmfileRender.Env), Expr.Input("env")),
                                new(
                                    nameof(IConfigRepoPublish.PublishMessage),
                                    $"{Expr.Input("env")}: {Expr.Input("action")} {Expr.Input("name")}"
                                ),
                                new(
                                    nameof(IConfigRepoAccess.GitHubToken),
                                    Expr.Secret("CONFIG_REPO_TOKEN")
                                ),
                            ],
                        },
                    ],
                },
            ],
        };
    }

    /// <summary>The GitHub environment of the lifecycle job of <paramref name="environment"/>.</summary>
    static string LifecycleEnvironment(string environment) => $"{environment}-lifecycle";
}
