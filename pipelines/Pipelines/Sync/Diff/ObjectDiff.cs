namespace Pipelines.Sync.Diff;

/// <summary>
/// The outcome of comparing one desired manifest with its live object.
/// </summary>
/// <param name="InSync">True when no field the desired manifest sets differs in meaning from the live object.</param>
/// <param name="ChangedPaths">Paths that differ, sorted ordinally, e.g. <c>.spec.replicas</c>,
/// <c>.spec.template.spec.containers[name=web].image</c>, <c>.metadata.labels["app.kubernetes.io/name"]</c>.</param>
/// <param name="UnifiedDiff">Projected live (old) against normalised desired (new) as sorted YAML; empty when in sync.</param>
internal sealed record ObjectDiff(
    bool InSync,
    IReadOnlyList<string> ChangedPaths,
    string UnifiedDiff
);
