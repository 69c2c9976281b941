using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.Helmfile;
using Pipelines.Sync;

/// <summary>drift.yml: Sync --check of every live cluster on a schedule, each with its environment's read-only role.</summary>
partial class Build
{
    /// <summary>
    /// Drift: a leg per live cluster, in the read-only environment of its own environment, so even prod's check can
    /// read and never write. Exit 2 fails the leg; the diff goes to the summary. It takes each cluster's lock, so it
    /// never reads a cluster mid-sync.
    /// </summary>
    static Workflow DriftWorkflow(WorkflowContext context) =>
        new()
        {
            FileName = "drift.yml",
            Name = "Drift",
            On = new() { Schedules = ["17 */6 * * *"], WorkflowDispatch = new() },
            Jobs =
            [
                BranchGuard.ExplainJob(DefaultBranch, "drift.yml checks clusters"),
                new()
                {
                    Id = "drift",
                    Name = "Sync --check",
                    If = BranchGuard.OnBranch(DefaultBranch),
                    Environment = new(ReadOnlyEnvironment(Expr.Matrix(ClusterMatrix.Env))),
                    Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                    Concurrency = new(ClusterMatrix.Lock, CancelInProgress: false),
                    TimeoutMinutes = 20,
                    Strategy = ClusterMatrix.For(context.LiveClusters(), "the drift check"),
                    Steps =
                    [
                        .. ClusterLegSetup(),
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
