using Pipelines.Clusters;
using Pipelines.Engine;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// What pipeline declarations read at generation time: the repository root and the clusters of
/// <c>helmfile/clusters.yaml</c>, so matrices follow the file and adding a cluster is one line plus a regenerate.
/// </summary>
public sealed record WorkflowContext(AbsolutePath Root, IReadOnlyList<ClusterDefinition> Clusters)
{
    /// <summary>
    /// An application repository has no clusters file: its workflows (CI) have no cluster matrices, so none is
    /// read. A workflow that wants a matrix then has no legs, which <see cref="WorkflowPolicy"/> refuses.
    /// </summary>
    public static WorkflowContext Load(AbsolutePath root, AbsolutePath clustersFile) =>
        new(root, clustersFile.FileExists ? ClustersFile.Load(clustersFile, root) : []);

    /// <summary>Environments in the order clusters.yaml lists them (test, stage, prod), each with a live cluster.</summary>
    public IReadOnlyList<string> Environments =>
        Clusters.Where(c => c.IsLive).Select(c => c.Environment).Distinct().ToList();

    /// <summary>Every cluster of the environment (or of all) that is not retired: active and draining ones are synced.</summary>
    public IReadOnlyList<ClusterDefinition> LiveClusters(string? environment = null) =>
        Clusters
            .Where(c => c.IsLive && (environment is null || c.Environment == environment))
            .ToList();
}
