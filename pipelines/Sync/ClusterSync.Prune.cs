namespace Pipelines.Sync;

public sealed partial class ClusterSync
{
    /// <summary>
    /// Deletes what the inventory says Sync applied here and Git no longer wants, after checking the live object
    /// still carries this cluster's tracking annotation: an object someone else took over is left alone.
    /// </summary>
    private async Task<List<ObjectReport>> PruneAsync(
        List<InventoryEntry> extraneous,
        List<ObjectReport> reports,
        string cluster,
        CancellationToken cancellationToken
    )
    {
        if (!options.Prune)
        {
            return reports;
        }
        var result = reports.ToList();
        foreach (var entry in extraneous)
        {
            var index = result.FindIndex(r =>
                r.Status == SyncStatus.Extraneous
                && r.Kind == entry.Kind
                && r.Group == entry.Group
                && r.Namespace == entry.Namespace
                && r.Name == entry.Name
            );
            var type = api.Catalog.Find(entry.ApiVersion, entry.Kind);
            var live = type is null
                ? null
                : await api.GetAsync(type, entry.Namespace, entry.Name, cancellationToken);
            string message;
            if (live is null)
            {
                message = "already gone";
            }
            else if (
                Tracking.Of(live)?.StartsWith($"{environment}/{cluster}/", StringComparison.Ordinal)
                != true
            )
            {
                message = "not tracked by this cluster's sync any more: left alone";
            }
            else
            {
                await api.DeleteAsync(
                    type!,
                    entry.Namespace,
                    entry.Name,
                    options.DryRun,
                    cancellationToken
                );
                message = options.DryRun ? "would prune (server dry run accepted)" : "pruned";
            }
            result[index] = result[index] with { Message = message };
        }
        return result;
    }
}
