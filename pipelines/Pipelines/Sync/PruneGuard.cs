using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Sync;

/// <summary>
/// What prune may delete. A live object is kept when it asks to be, in the words helm, Argo CD, Flux or Sync itself
/// use; kinds whose deletion cascades to objects Sync never tracked are kept unless <c>--prune-kinds</c> names them;
/// and a run that would delete more than <c>--max-prune</c> percent of what Sync tracks on a cluster deletes nothing.
/// </summary>
internal static class PruneGuard
{
    /// <summary>Deleting one takes every object in it or of it: a namespace's contents, a CRD's resources, a volume's data.</summary>
    public static readonly IReadOnlyList<string> CascadingKinds =
    [
        "Namespace",
        "CustomResourceDefinition",
        "PersistentVolume",
        "PersistentVolumeClaim",
    ];

    /// <summary>Why the live object must be kept, or null when prune may delete it.</summary>
    public static string? KeepReason(
        string kind,
        Dictionary<string, object?> live,
        IReadOnlySet<string> pruneKinds
    )
    {
        var annotations =
            (live.GetValueOrDefault("metadata") as Dictionary<string, object?>)?.GetValueOrDefault(
                "annotations"
            ) as Dictionary<string, object?>
            ?? [];
        string Annotation(string key) =>
            (annotations.GetValueOrDefault(key) as string ?? "").Trim();
        if (
            Annotation("helm.sh/resource-policy").Equals("keep", StringComparison.OrdinalIgnoreCase)
        )
        {
            return "kept: helm.sh/resource-policy: keep";
        }
        var argo = Annotation("argocd.argoproj.io/sync-options")
            .Split(',', StringSplitOptions.TrimEntries)
            .FirstOrDefault(o => o is "Prune=false" or "Prune=confirm");
        if (argo is not null)
        {
            return $"kept: argocd.argoproj.io/sync-options: {argo}";
        }
        if (Annotation("kustomize.toolkit.fluxcd.io/prune") == "disabled")
        {
            return "kept: kustomize.toolkit.fluxcd.io/prune: disabled";
        }
        if (Annotation("pipelines/prune") == "disabled")
        {
            return "kept: pipelines/prune: disabled";
        }
        if (CascadingKinds.Contains(kind) && !pruneKinds.Contains(kind))
        {
            return $"kept: deleting a {kind} deletes what it holds; --prune-kinds {kind} allows it";
        }
        return null;
    }

    /// <summary>The refusal when pruning <paramref name="candidates"/> of the <paramref name="tracked"/> objects is too many, or null.</summary>
    public static string? MassDeletion(IReadOnlyList<string> candidates, int tracked, int maxPrune)
    {
        if (candidates.Count == 0 || candidates.Count * 100 <= maxPrune * tracked)
        {
            return null;
        }
        var share = candidates.Count * 100 / Math.Max(tracked, 1);
        return $"prune refused: it would delete {candidates.Count} of the {tracked} objects Sync tracks here ({share}%), "
            + $"more than --max-prune {maxPrune}%. Nothing was pruned. Check the cluster's carries: in clusters.yaml and "
            + $"the releases' conditions; if this is meant (an app moved away), run again with --max-prune {Math.Min(100, Math.Max(share, maxPrune + 1))}. "
            + $"Candidates: {string.Join(", ", candidates)}";
    }

    /// <summary>The <c>--max-prune</c> value, checked: a percentage.</summary>
    public static int MaxPrune(int value) =>
        value switch
        {
            >= 0 and <= 100 => value,
            _ => throw new UsageException(
                $"--max-prune {value}: give a percentage from 0 to 100 (default 50; 100 turns the guard off)."
            ),
        };

    /// <summary>The <c>--prune-kinds</c> values, checked against the cascading kinds (any case).</summary>
    public static IReadOnlySet<string> PruneKinds(IEnumerable<string> values) =>
        values
            .SelectMany(v =>
                v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            )
            .Select(value =>
                CascadingKinds.FirstOrDefault(k =>
                    k.Equals(value, StringComparison.OrdinalIgnoreCase)
                )
                ?? throw new UsageException(
                    $"--prune-kinds {value}: not a kind prune holds back."
                        + (
                            Suggestions.Closest(value, CascadingKinds) is { } close
                                ? $" Did you mean '{close}'?"
                                : ""
                        )
                        + $" Valid: {string.Join(", ", CascadingKinds)} (every other kind is pruned without asking)."
                )
            )
            .ToHashSet();
}
