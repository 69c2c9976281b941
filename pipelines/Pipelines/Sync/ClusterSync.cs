using Pipelines.Helmfile.Rendering;
using Pipelines.Sync.Diff;
using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

/// <summary>
/// Puts one cluster into the state Git describes: compare every desired object with the live one, apply what
/// is missing or out of sync (server-side apply, in order), prune what Sync tracked and no longer wants, and
/// wait for rollouts. <c>--check</c> stops after comparing; <c>--dry-run</c> sends everything with dryRun=All.
/// </summary>
internal sealed partial class ClusterSync(
    SyncOptions options,
    string environment,
    ResourceCatalog catalog,
    Func<ClusterApi> connect,
    RevisionGuard revisions
)
{
    private ClusterApi api = null!;
    private string clusterName = "";
    private InventoryStore inventoryStore = null!;
    private InventorySnapshot recordedInventory = new([], null, null);
    private SyncScope scope = SyncScope.Everything;

    // Why the cluster fails although the run went on (objects not Sync's, prune refused); the objects' rows say the rest.
    private readonly List<string> failures = [];

    // The rows so far, so that a cluster stopped by an error still shows what was compared and applied.
    private List<ObjectReport> progress = [];

    public async Task<ClusterReport> RunAsync(
        ClusterRender render,
        CancellationToken cancellationToken
    )
    {
        var cluster = render.Cluster;
        clusterName = cluster.Name;
        scope = SyncScope.Of(render);
        List<Desired> desired = [];
        try
        {
            api = connect();
            desired = await DesireAsync(render, cancellationToken);
            // One writer per cluster: taken before reading what to change, so the compare is not stale.
            await using var lease =
                options.Check || options.DryRun
                    ? null
                    : await SyncLease.AcquireAsync(
                        api.Client,
                        options.InventoryNamespace,
                        environment,
                        options.Lease,
                        cancellationToken
                    );
            inventoryStore = new InventoryStore(
                api,
                options.InventoryNamespace,
                environment,
                cluster.Name
            );
            recordedInventory = await inventoryStore.ReadAsync(cancellationToken);
            var reports = new List<ObjectReport>();
            var lives = new Dictionary<Desired, Dictionary<string, object?>?>();
            // One LIST per kind answers for everything Sync applied before; only the rest costs a GET.
            var found = await new LiveStateCache(api, cluster.Name).ReadAsync(
                desired.Select(d => d.Hook is null ? Location(d) : null).ToList(),
                cancellationToken
            );
            for (var index = 0; index < desired.Count; index++)
            {
                lives[desired[index]] = found[index];
                reports.Add(
                    desired[index].Hook is { } hook
                        ? Report(desired[index], SyncStatus.Synced, hook.ToString(), [], "")
                        : Compare(desired[index], found[index])
                );
            }
            var wanted = desired.Select(d => Entry(d).Key).ToHashSet(); // created namespaces count as wanted
            var extraneous = recordedInventory
                .Entries.Where(e => scope.Covers(e) && !wanted.Contains(e.Key))
                .ToList();
            reports.AddRange(
                extraneous.Select(e => new ObjectReport(
                    e.Group,
                    e.Kind,
                    e.Namespace,
                    e.Name,
                    e.Release,
                    SyncStatus.Extraneous,
                    null,
                    options.Prune ? "" : "no longer desired; --prune deletes it",
                    [],
                    ""
                ))
            );
            progress = reports;
            if (options.Check)
            {
                return new ClusterReport(cluster, reports, null);
            }
            var refusal = await revisions.RefusalAsync(
                recordedInventory.Revision,
                options.AllowRollback,
                cancellationToken
            );
            if (refusal is not null)
            {
                return new ClusterReport(
                    cluster,
                    reports,
                    $"{cluster.Name}: nothing was applied: {refusal}"
                );
            }
            FailOnNotManaged(reports);
            // Hooks are never tracked (helm never prunes them); nor is what Sync did not create and may not take over.
            var tracked = desired
                .Select((d, i) => (d, reports[i]))
                .Where(p =>
                    !p.d.Created && p.d.Hook is null && p.Item2.Status != SyncStatus.NotManaged
                )
                .Select(p => Entry(p.d))
                .ToList();
            reports = progress = await ApplyAsync(desired, lives, reports, cancellationToken);
            if (!options.DryRun)
            {
                // Recorded once the waves ran, failed ones included (their objects may exist): before prune, so a
                // refused or failed prune leaves every candidate tracked for the next run.
                await inventoryStore.WriteAsync(
                    scope,
                    tracked.Concat(extraneous),
                    await revisions.CurrentAsync(),
                    cancellationToken
                );
            }
            // A lost lease means another writer may be at work: that fails the cluster, and so prune does not run.
            NoteLostLease(lease);
            reports = progress = await PruneAsync(extraneous, reports, tracked, cancellationToken);
            NoteLostLease(lease);
            return new ClusterReport(
                cluster,
                reports,
                failures.Count == 0 ? null : $"{cluster.Name}: {string.Join("; ", failures)}"
            );
        }
        catch (Exception exception)
            when (exception is not OperationCanceledException
                || !cancellationToken.IsCancellationRequested
            )
        {
            // Whatever stops one cluster (an HTTP timeout, a bug) fails that cluster alone; the others finish.
            return progress.Count > 0
                ? new ClusterReport(cluster, progress, $"{cluster.Name}: {Describe(exception)}")
                : Unreachable(
                    cluster,
                    desired.Count > 0 ? desired : Desire(render, lenient: true),
                    Describe(exception)
                );
        }
    }

    private void NoteLostLease(SyncLease? lease)
    {
        if (lease?.Lost is { } lost && !failures.Contains(lost))
        {
            failures.Add(lost);
        }
    }
}
