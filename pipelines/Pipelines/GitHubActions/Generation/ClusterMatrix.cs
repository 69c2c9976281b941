using Pipelines.Clusters;
using Pipelines.GitHubActions.Model;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// A matrix with one leg per cluster: <c>env</c>, <c>cluster</c>, <c>region</c> and <c>kube-context</c>, in
/// clusters.yaml's order, so a new cluster adds its own lines and moves nothing else.
/// </summary>
public static class ClusterMatrix
{
    public const string Env = "env";
    public const string Cluster = "cluster";
    public const string Region = "region";
    public const string KubeContext = "kube-context";

    /// <summary>
    /// The concurrency group every job that reads or changes the matrix leg's cluster shares (cd's syncs and plan,
    /// drift, the lifecycle): one at a time per cluster, across workflows.
    /// </summary>
    public static string Lock => LockOf(Expr.Matrix(Cluster));

    /// <summary>The lock of the cluster <paramref name="cluster"/> (a name or an expression giving one).</summary>
    public static string LockOf(string cluster) => $"sync-{cluster}";

    public static Strategy For(IReadOnlyList<ClusterDefinition> clusters, string what)
    {
        if (clusters.Count == 0)
        {
            throw new Engine.BuildDefinitionException(
                $"No live cluster for {what} in helmfile/clusters.yaml: a matrix needs at least one. "
                    + "Add a cluster with state active or draining, or leave the job out."
            );
        }
        return new Strategy(
            new Matrix(
                clusters
                    .Select(c => new MatrixRow(
                        (Env, c.Environment),
                        (Cluster, c.Name),
                        (Region, c.Region),
                        (KubeContext, c.KubeContext ?? c.Name)
                    ))
                    .ToList()
            )
        );
    }
}
