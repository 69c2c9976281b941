namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    /// <summary>
    /// helm's rule for objects that already exist: one that Sync did not create on this cluster (no tracking
    /// annotation naming it) is not modified but reported NotManaged, unless <c>--adopt</c>. A namespace Sync would
    /// only create for a release is left as it is, as helm's <c>--create-namespace</c> leaves an existing one.
    /// Null when the object is Sync's to compare and apply.
    /// </summary>
    private ObjectReport? Ownership(Desired item, Dictionary<string, object?> live)
    {
        var tracking = Tracking.Of(live);
        if (tracking?.StartsWith($"{environment}/{clusterName}/", StringComparison.Ordinal) == true)
        {
            return null;
        }
        if (item.Created)
        {
            return Report(
                item,
                SyncStatus.Synced,
                "exists (not created by Sync): left as it is",
                [],
                ""
            );
        }
        if (options.Adopt)
        {
            return null;
        }
        return Report(
            item,
            SyncStatus.NotManaged,
            $"exists, but Sync did not create it on this cluster ({Tracking.Annotation}: {tracking ?? "none"}): "
                + "left unchanged; --adopt takes it over",
            [],
            ""
        );
    }

    /// <summary>A run that met objects it may not take over fails, naming them and the way to take them.</summary>
    private void FailOnNotManaged(IEnumerable<ObjectReport> reports)
    {
        var foreign = reports.Where(r => r.Status == SyncStatus.NotManaged).ToList();
        if (foreign.Count == 0)
        {
            return;
        }
        failures.Add(
            $"{foreign.Count} object(s) exist that Sync did not create on this cluster, and were left unchanged: "
                + string.Join(
                    ", ",
                    foreign.Select(r => $"{r.Kind} {r.Namespace}/{r.Name}".Replace(" /", " "))
                )
                + ". If Sync should manage them from now on, run again with --adopt; otherwise rename or remove them "
                + "from the chart. The other objects were applied."
        );
    }
}
