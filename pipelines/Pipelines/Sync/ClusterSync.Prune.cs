using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    /// <summary>
    /// Runs last, and only when every apply of the cluster succeeded and became healthy: deletes what the inventory
    /// says Sync applied here and Git no longer wants. Each object must still carry this cluster's tracking annotation,
    /// must not ask to be kept (<see cref="PruneGuard"/>), and is deleted by uid, so an object made again under the same
    /// name in the meantime stays. When the deletions would exceed <c>--max-prune</c>, nothing is deleted and the
    /// cluster fails.
    /// </summary>
    private async Task<List<ObjectReport>> PruneAsync(
        List<InventoryEntry> extraneous,
        List<ObjectReport> reports,
        List<InventoryEntry> tracked,
        CancellationToken cancellationToken
    )
    {
        var result = reports.ToList();
        if (!options.Prune || extraneous.Count == 0)
        {
            return result;
        }
        void Say(InventoryEntry entry, string message)
        {
            var index = result.FindIndex(r =>
                r.Status == SyncStatus.Extraneous
                && r.Kind == entry.Kind
                && r.Group == entry.Group
                && r.Namespace == entry.Namespace
                && r.Name == entry.Name
            );
            result[index] = result[index] with { Message = message };
        }
        if (PruneBlocker(result) is { } blocker)
        {
            extraneous.ForEach(e => Say(e, $"prune skipped: {blocker}"));
            return result;
        }
        var untracked = new List<InventoryEntry>();
        var candidates = new List<(InventoryEntry Entry, ResourceType Type, string? Uid)>();
        foreach (var entry in extraneous)
        {
            var type = api.Catalog.Find(entry.ApiVersion, entry.Kind);
            var live = type is null
                ? null
                : await api.GetAsync(type, entry.Namespace, entry.Name, cancellationToken);
            if (live is null)
            {
                Say(entry, "already gone");
                untracked.Add(entry);
            }
            else if (
                Tracking
                    .Of(live)
                    ?.StartsWith($"{environment}/{clusterName}/", StringComparison.Ordinal) != true
            )
            {
                Say(entry, "not tracked by this cluster's sync any more: left alone");
                untracked.Add(entry);
            }
            else if (PruneGuard.KeepReason(entry.Kind, live, options.PruneKinds) is { } kept)
            {
                Say(entry, kept);
            }
            else
            {
                var metadata = (Dictionary<string, object?>)live["metadata"]!;
                candidates.Add((entry, type!, metadata.GetValueOrDefault("uid") as string));
            }
        }
        var refusal = PruneGuard.MassDeletion(
            candidates.Select(c => Describe(c.Entry)).ToList(),
            recordedInventory.Entries.Count,
            options.MaxPrune
        );
        if (refusal is not null)
        {
            failures.Add(refusal);
            candidates.ForEach(c => Say(c.Entry, "not pruned: more than --max-prune"));
            return result;
        }
        foreach (var (entry, type, uid) in candidates)
        {
            var outcome = await api.DeleteAsync(
                type,
                entry.Namespace,
                entry.Name,
                uid,
                options.DryRun,
                cancellationToken
            );
            Say(
                entry,
                outcome switch
                {
                    DeleteOutcome.Deleted when options.DryRun =>
                        "would prune (server dry run accepted)",
                    DeleteOutcome.Deleted => "pruned",
                    DeleteOutcome.AlreadyGone => "already gone",
                    _ => "made again under this name since it was read (another uid): left alone",
                }
            );
            if (outcome != DeleteOutcome.Replaced)
            {
                untracked.Add(entry);
            }
        }
        if (!options.DryRun && untracked.Count > 0)
        {
            await inventoryStore.WriteAsync(
                scope,
                tracked.Concat(extraneous.Except(untracked)),
                await revisions.CurrentAsync(),
                cancellationToken
            );
        }
        return result;
    }

    /// <summary>Why prune must wait for a later run: an object did not apply, is not healthy, or is not Sync's.</summary>
    private string? PruneBlocker(List<ObjectReport> reports)
    {
        var blocking = reports
            .Where(r =>
                r.Health == Health.Degraded
                || r.Status == SyncStatus.NotManaged
                || (!options.DryRun && r.Status is SyncStatus.Missing or SyncStatus.OutOfSync)
            )
            .ToList();
        if (blocking.Count == 0 && failures.Count == 0)
        {
            return null;
        }
        return blocking.Count == 0
            ? "the cluster failed; prune runs only after a clean sync"
            : $"{blocking.Count} object(s) did not apply, are not healthy or are not Sync's "
                + $"({string.Join(", ", blocking.Take(3).Select(r => $"{r.Kind} {r.Namespace}/{r.Name}"))}"
                + $"{(blocking.Count > 3 ? ", ..." : "")}); prune runs only after every object applied and became healthy";
    }

    private static string Describe(InventoryEntry entry) =>
        $"{entry.Kind} {(entry.Namespace is null ? "" : entry.Namespace + "/")}{entry.Name}";
}
