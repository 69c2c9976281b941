using Pipelines.Clusters;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Rendering;

/// <summary>A finished render of one environment.</summary>
public sealed record RenderResult(
    string Environment,
    IReadOnlyList<ClusterRender> Clusters,
    DeclaredState State
)
{
    public int CacheHits => Clusters.Sum(c => c.Releases.Count(r => r.FromCache));
    public int Releases => Clusters.Sum(c => c.Releases.Count);
}

/// <summary>One cluster's releases: all it carries (in needs order) and those rendered in this run.</summary>
public sealed record ClusterRender(
    ClusterDefinition Cluster,
    IReadOnlyList<ReleaseSpec> Carried,
    IReadOnlyList<RenderedRelease> Releases
)
{
    /// <summary>
    /// False when <c>--selector</c> chose some releases: the render then says nothing about the others, so Sync
    /// leaves their objects and inventory entries alone.
    /// </summary>
    public bool Complete { get; init; } = true;
}
