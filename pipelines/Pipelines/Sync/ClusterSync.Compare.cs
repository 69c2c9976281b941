using Pipelines.Sync.Diff;

namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    private ObjectReport Compare(Desired item, Dictionary<string, object?>? live)
    {
        if (live is null)
        {
            return Report(item, SyncStatus.Missing, "not in the cluster", [], "");
        }
        if (Ownership(item, live) is { } notOurs)
        {
            return notOurs;
        }
        var diff = DriftComparer.Compare(
            item.Manifest,
            live,
            options.IgnoreDifferences,
            $"{item.Type} {item.Namespace}/{item.Name}"
        );
        return diff.InSync
            ? Report(item, SyncStatus.Synced, "", [], "")
            : Report(
                item,
                SyncStatus.OutOfSync,
                "changed: " + string.Join(", ", diff.ChangedPaths),
                diff.ChangedPaths,
                diff.UnifiedDiff
            );
    }

    private static ObjectReport Report(
        Desired item,
        SyncStatus status,
        string message,
        IReadOnlyList<string> paths,
        string diff
    ) =>
        new(
            item.Type.Group,
            item.Type.Kind,
            item.Namespace,
            item.Name,
            item.Release,
            status,
            null,
            message,
            paths,
            diff
        );

    private static ObjectLocation Location(Desired item) =>
        new(item.Type, item.Namespace, item.Name);

    private static InventoryEntry Entry(Desired item) =>
        new(
            item.Type.Group,
            item.Type.Version,
            item.Type.Kind,
            item.Namespace,
            item.Name,
            item.Release
        );
}
