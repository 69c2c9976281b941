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
        // A nested state's releases are filtered by its own selectors.
        var selectorsOf = new Dictionary<ReleaseSpec, IReadOnlyList<ReleaseSelector>>(
            ReferenceEqualityComparer.Instance
        );
        foreach (var release in releases.Where(r => r.Enabled))
        {
            selectorsOf[release.Spec] = release.Selectors ?? options.Selectors;
        }
        return Clusters(clusters, options)
            .Select(cluster =>
            {
                var carried = enabled.Where(cluster.CarriesRelease).ToList();
                var selected = carried
                    .Where(r => ReleaseSelector.AnyMatches(selectorsOf[r], r))
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
            if (live.Count > 0)
            {
                return live;
            }
            // RenderHelmfile renders per cluster, at its Kubernetes version; without a cluster there is none to use.
            var withClusters = clusters
                .Where(c => c.IsLive)
                .Select(c => c.Environment)
                .Distinct()
                .ToList();
            throw new Failures.UsageException(
                $"Environment '{options.Environment}' has no active or draining cluster in {ClustersFile.DefaultPath}, "
                    + "so there is no Kubernetes version to render it for. Add a cluster for it under environments: "
                    + $"in {ClustersFile.DefaultPath} (e.g. {options.Environment}-1-33-blue), or pass --env "
                    + (
                        withClusters.Count == 0
                            ? "an environment that has one."
                            : $"with one of: {string.Join(", ", withClusters)}."
                    )
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
