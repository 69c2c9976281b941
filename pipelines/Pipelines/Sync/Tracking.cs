using Pipelines.Yaml.Data;

namespace Pipelines.Sync;

/// <summary>
/// How Sync marks what it applies, so it can find and prune its own objects and never touch anyone else's:
/// a label naming the cluster (selectable) and an annotation naming environment, cluster and release.
/// </summary>
internal static class Tracking
{
    public const string ClusterLabel = "pipelines/cluster";
    public const string Annotation = "pipelines/tracking";

    public static string Id(string environment, string cluster, string release) =>
        $"{environment}/{cluster}/{release}";

    /// <summary>A copy of the manifest carrying the tracking label and annotation.</summary>
    public static Dictionary<string, object?> Mark(
        Dictionary<string, object?> manifest,
        string environment,
        string cluster,
        string release
    )
    {
        var marked = (Dictionary<string, object?>)ValueMerge.Clone(manifest)!;
        var metadata = Child(marked, "metadata");
        Child(metadata, "labels")[ClusterLabel] = cluster;
        Child(metadata, "annotations")[Annotation] = Id(environment, cluster, release);
        return marked;
    }

    /// <summary>The tracking id on a live object, or null when Sync did not apply it.</summary>
    public static string? Of(Dictionary<string, object?> live) =>
        (live.GetValueOrDefault("metadata") as Dictionary<string, object?>)?.GetValueOrDefault(
            "annotations"
        )
            is Dictionary<string, object?> annotations
            ? annotations.GetValueOrDefault(Annotation) as string
            : null;

    private static Dictionary<string, object?> Child(Dictionary<string, object?> map, string key)
    {
        if (map.GetValueOrDefault(key) is not Dictionary<string, object?> child)
        {
            map[key] = child = [];
        }
        return child;
    }
}
