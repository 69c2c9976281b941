using Pipelines.Clusters;
using Pipelines.Failures;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Rendering;

/// <summary>What a render covers: the environment's live clusters (or one), and for each the releases it carries.</summary>
public sealed record RenderOptions(
    string Environment,
    string? Cluster,
    IReadOnlyList<ReleaseSelector> Selectors,
    NeedsGraph.Include IncludeNeeds
)
{
    /// <summary><c>helmfile template</c>'s flags: --set, --values, --namespace, --post-renderer, --skip-deps.</summary>
    public TemplateFlags Flags { get; init; } = new();
}

internal static class RenderPlan
{
    public sealed record ClusterWork(
        ClusterDefinition Cluster,
        IReadOnlyList<ReleaseSpec> AllCarried,
        IReadOnlyList<ReleaseSpec> Selected
    );

    public static IReadOnlyList<ClusterWork> Build(
        IReadOnlyList<ClusterDefinition> clusters,
        IReadOnlyList<ResolvedRelease> releases,
        RenderOptions options
    )
    {
        var declared = releases.Select(r => r.Spec).ToList();
        var enabled = releases.Where(r => r.Enabled).Select(r => r.Spec).ToList();
        return Clusters(clusters, options)
            .Select(cluster =>
            {
                var carried = enabled.Where(cluster.CarriesRelease).ToList();
                var selected = carried
                    .Where(r => ReleaseSelector.AnyMatches(options.Selectors, r))
                    .ToList();
                return new ClusterWork(
                    cluster,
                    NeedsGraph.Order(declared, carried, NeedsGraph.Include.None),
                    NeedsGraph.Order(declared, selected, options.IncludeNeeds, carried)
                );
            })
            .ToList();
    }

    /// <summary>The environment's live clusters, or the one <c>--cluster</c> names (a usage error naming the live ones if it is not).</summary>
    internal static IEnumerable<ClusterDefinition> Clusters(
        IReadOnlyList<ClusterDefinition> clusters,
        RenderOptions options
    )
    {
        var live = clusters.Where(c => c.Environment == options.Environment && c.IsLive).ToList();
        if (options.Cluster is null)
        {
            return live.Count > 0
                ? live
                : throw new Failures.UsageException(
                    $"Environment '{options.Environment}' has no active or draining cluster in {ClustersFile.DefaultPath}."
                );
        }
        var named = live.FirstOrDefault(c => c.Name == options.Cluster);
        if (named is not null)
        {
            return [named];
        }
        var close = Suggestions.Closest(options.Cluster, live.Select(c => c.Name));
        throw new Failures.UsageException(
            $"Cluster '{options.Cluster}' is not a live cluster of environment '{options.Environment}'."
                + (close is null ? "" : $" Did you mean '{close}'?")
                + $" Live clusters: {string.Join(", ", live.Select(c => c.Name))} (from {ClustersFile.DefaultPath})."
        );
    }
}
