using System.Text.Json;
using Pipelines.Clusters;
using Pipelines.ConfigRepo;
using Pipelines.ConfigRepo.Publish;
using Pipelines.GitHubActions;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.Helmfile;

/// <summary>
/// provision.yml: the cluster lifecycle on demand. One job runs the target the <c>action</c> input names, for the
/// environment chosen, behind that GitHub environment's protection rules.
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
            Concurrency = new($"provision-{Expr.Input("env")}", CancelInProgress: false),
            Jobs =
            [
                new()
                {
                    Id = "lifecycle",
                    Name = $"{Expr.Input("action")} {Expr.Input("env")}",
                    Environment = new(Expr.Input("env")),
                    Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                    TimeoutMinutes = 60,
                    Steps =
                    [
                        .. SetupSteps.Build(),
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
                        // config) goes to the repository with the workflows regenerated for the new matrix.
                        new BuildStep(nameof(IGitHubWorkflows.GenerateWorkflows))
                        {
                            Name = "Regenerate the workflows for the clusters now declared",
                        },
                        new BuildStep(nameof(IConfigRepoPublish.PublishChanges))
                        {
                            Name = "Commit what changed (a pull request for prod)",
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
}
