using System.Net;
using k8s.Autorest;
using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

/// <summary>The inventory as read: its entries, the revision last synced, and the resourceVersion a write must match.</summary>
internal sealed record InventorySnapshot(
    IReadOnlyList<InventoryEntry> Entries,
    SyncRevision? Revision,
    string? ResourceVersion
);

/// <summary>
/// Reads and writes one cluster's inventory ConfigMap under an optimistic lock: each write names the resourceVersion
/// it replaces (or creates the map), and when another writer got in between, the map is read again and the write
/// redone on top of it, so the entries of releases this run does not cover are never lost.
/// </summary>
internal sealed class InventoryStore(ClusterApi api, string ns, string environment, string cluster)
{
    public const int Attempts = 5;
    private const string RevisionKey = "revision";
    private const string DirtyKey = "dirty";

    private static readonly ResourceType ConfigMap = ResourceType.BuiltIn("v1", "ConfigMap");

    // The inventory as last read or written: where the next write starts.
    private InventorySnapshot _last = new([], null, null);

    public string Name => $"{Inventory.Name}-{environment}";

    public async Task<InventorySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        _last = Snapshot(await api.GetAsync(ConfigMap, ns, Name, cancellationToken));
        return _last;
    }

    private static InventorySnapshot Snapshot(Dictionary<string, object?>? map)
    {
        var data = map?.GetValueOrDefault("data") as Dictionary<string, object?>;
        var revision = data?.GetValueOrDefault(RevisionKey) is string { Length: > 0 } sha
            ? new SyncRevision(sha, data.GetValueOrDefault(DirtyKey) as string == "true")
            : null;
        var metadata = map?.GetValueOrDefault("metadata") as Dictionary<string, object?>;
        return new InventorySnapshot(
            Inventory.FromConfigMap(map),
            revision,
            metadata?.GetValueOrDefault("resourceVersion") as string
        );
    }

    /// <summary>
    /// Records <paramref name="entries"/> as the entries of the releases <paramref name="scope"/> covers, keeping every
    /// other entry as it is in the cluster at the time of writing; <paramref name="revision"/>, when known, replaces the
    /// recorded one. Starts from the inventory as last read or written.
    /// </summary>
    public async Task WriteAsync(
        SyncScope scope,
        IEnumerable<InventoryEntry> entries,
        SyncRevision? revision,
        CancellationToken cancellationToken
    )
    {
        var ours = entries.ToList();
        var current = _last;
        for (var attempt = 1; ; attempt++)
        {
            var next = current
                .Entries.Where(e => !scope.Covers(e))
                .Concat(ours)
                .GroupBy(e => e.Key)
                .Select(g => g.Last())
                .ToList();
            if (
                current.ResourceVersion is not null
                && (revision ?? current.Revision) == current.Revision
                && next.ToHashSet().SetEquals(current.Entries)
            )
            {
                return; // nothing to record: a sync that changed nothing writes nothing
            }
            var map = Inventory.ToConfigMap(ns, environment, cluster, next);
            if ((revision ?? current.Revision) is { } recorded)
            {
                var data = (Dictionary<string, object?>)map["data"]!;
                data[RevisionKey] = recorded.Sha;
                data[DirtyKey] = recorded.Dirty ? "true" : "false";
            }
            try
            {
                if (current.ResourceVersion is not null)
                {
                    ((Dictionary<string, object?>)map["metadata"]!)["resourceVersion"] =
                        current.ResourceVersion;
                }
                _last = Snapshot(await api.WriteAsync(map, cancellationToken));
                return;
            }
            catch (HttpOperationException exception)
                when (exception.Response.StatusCode == HttpStatusCode.Conflict)
            {
                if (attempt == Attempts)
                {
                    throw new InvalidOperationException(
                        $"the inventory ConfigMap {ns}/{Name} changed under each of {Attempts} writes: another "
                            + "Sync of this cluster is writing it. Run again once it has finished.",
                        exception
                    );
                }
                current = await ReadAsync(cancellationToken);
            }
        }
    }
}
