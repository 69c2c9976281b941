using Pipelines.Helmfile.Rendering;
using Pipelines.Sync.Diff;
using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

/// <summary>
/// Puts one cluster into the state Git describes: compare every desired object with the live one, apply what
/// is missing or out of sync (server-side apply, in order), prune what Sync tracked and no longer wants, and
/// wait for rollouts. <c>--check</c> stops after comparing; <c>--dry-run</c> sends everything with dryRun=All.
/// </summary>
public sealed partial class ClusterSync(
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

    // Created: a namespace Sync creates for releases (helm's --create-namespace), never pruned.
    private sealed record Desired(
        Dictionary<string, object?> Manifest,
        ResourceType Type,
        string? Namespace,
        string Name,
        string Release,
        bool Created = false,
        HookSpec? Hook = null
    );

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

    /// <summary>The desired objects; custom kinds not defined by a desired CRD are looked up in the cluster's CRDs.</summary>
    private async Task<List<Desired>> DesireAsync(
        ClusterRender render,
        CancellationToken cancellationToken
    )
    {
        var manifests = Manifests(render);
        if (
            manifests.Any(m =>
                catalog.Find(
                    m.Data.GetValueOrDefault("apiVersion") as string ?? "",
                    m.Data.GetValueOrDefault("kind") as string ?? ""
                )
                    is null
            )
        )
        {
            foreach (var crd in await api.ListCustomResourceDefinitionsAsync(cancellationToken))
            {
                catalog.Learn(crd);
            }
        }
        return Desire(render, lenient: false);
    }

    /// <summary>Lenient: objects of unknown kinds are left out (a dry run against an unreachable cluster).</summary>
    private List<Desired> Desire(ClusterRender render, bool lenient)
    {
        var manifests = Manifests(render);
        var desired = manifests
            // Hooks of events a sync never has (test, delete, rollback) are skipped, as Argo CD skips them.
            .Where(m => !HookPhases.IsHook(m.Data) || HookPhases.Of(m.Data) is not null)
            .Where(m =>
                !lenient
                || catalog.Find(
                    m.Data.GetValueOrDefault("apiVersion") as string ?? "",
                    m.Data.GetValueOrDefault("kind") as string ?? ""
                )
                    is not null
            )
            .Select(m =>
            {
                var marked = Tracking.Mark(m.Data, environment, render.Cluster.Name, m.Release);
                var (type, ns, name) = catalog.Locate(marked);
                if (ns is not null)
                {
                    ((Dictionary<string, object?>)marked["metadata"]!)["namespace"] = ns;
                }
                return new Desired(marked, type, ns, name, m.Release, Hook: HookPhases.Of(m.Data));
            })
            .ToList();
        return
        [
            .. desired.Concat(Namespaces(desired, render)).OrderBy(d => SyncOrder.Key(d.Manifest)),
        ];
    }

    /// <summary>
    /// The namespaces releases render into, as helmfile's createNamespace has helm create them. Like helm, Sync
    /// never deletes them: they stay out of the inventory, so prune cannot take a namespace and all it holds.
    /// </summary>
    private IEnumerable<Desired> Namespaces(List<Desired> desired, ClusterRender render)
    {
        var declared = desired
            .Where(d => d.Type.Kind == "Namespace")
            .Select(d => d.Name)
            .ToHashSet();
        return desired
            .Where(d => d.Namespace is not null && !declared.Contains(d.Namespace))
            .GroupBy(d => d.Namespace!)
            .Select(g =>
            {
                var manifest = new Dictionary<string, object?>
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Namespace",
                    ["metadata"] = new Dictionary<string, object?> { ["name"] = g.Key },
                };
                var marked = Tracking.Mark(
                    manifest,
                    environment,
                    render.Cluster.Name,
                    g.First().Release
                );
                return new Desired(
                    marked,
                    ResourceType.BuiltIn("v1", "Namespace"),
                    null,
                    g.Key,
                    g.First().Release,
                    Created: true
                );
            });
    }

    /// <summary>
    /// Each object with its release; a namespaced object whose template leaves out metadata.namespace goes to
    /// the release namespace, as <c>helm install -n</c> puts it (the parser already worked that out).
    /// </summary>
    private List<(string Release, Dictionary<string, object?> Data)> Manifests(ClusterRender render)
    {
        var manifests = render
            .Releases.SelectMany(r =>
                r.Objects.Select(o =>
                    (
                        Release: r.Release.Name,
                        Data: WithNamespace((Dictionary<string, object?>)o.Data!, o.Namespace)
                    )
                )
            )
            .ToList();
        foreach (
            var crd in manifests.Where(m =>
                m.Data.GetValueOrDefault("kind") as string == "CustomResourceDefinition"
            )
        )
        {
            catalog.Learn(crd.Data);
        }
        return manifests;
    }

    private static Dictionary<string, object?> WithNamespace(
        Dictionary<string, object?> data,
        string? ns
    )
    {
        if (
            ns is null
            || data.GetValueOrDefault("metadata") is not Dictionary<string, object?> metadata
            || metadata.ContainsKey("namespace")
        )
        {
            return data;
        }
        var copy = (Dictionary<string, object?>)Yaml.Data.ValueMerge.Clone(data)!;
        ((Dictionary<string, object?>)copy["metadata"]!)["namespace"] = ns;
        return copy;
    }

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
