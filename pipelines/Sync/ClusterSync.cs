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
    Func<ClusterApi> connect
)
{
    private ClusterApi api = null!;

    private string ClusterName { get; set; } = "";

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
        List<Desired> desired = [];
        try
        {
            api = connect();
            ClusterName = cluster.Name;
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
            var inventoryMap = await api.GetAsync(
                ResourceType.BuiltIn("v1", "ConfigMap"),
                options.InventoryNamespace,
                $"{Inventory.Name}-{environment}",
                cancellationToken
            );
            var inventory = Inventory.FromConfigMap(inventoryMap);
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
            var extraneous = inventory.Where(e => !wanted.Contains(e.Key)).ToList();
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
            if (options.Check)
            {
                return new ClusterReport(cluster, reports, null);
            }
            reports = await ApplyAsync(desired, lives, reports, cancellationToken);
            reports = await PruneAsync(extraneous, reports, cluster.Name, cancellationToken);
            if (!options.DryRun)
            {
                var kept = desired
                    .Where(d => !d.Created && d.Hook is null) // hooks are never pruned, as in helm
                    .Select(Entry)
                    .Concat(options.Prune ? [] : extraneous);
                await api.ApplyAsync(
                    Inventory.ToConfigMap(
                        options.InventoryNamespace,
                        environment,
                        cluster.Name,
                        kept
                    ),
                    force: true,
                    dryRun: false,
                    cancellationToken
                );
            }
            return new ClusterReport(
                cluster,
                reports,
                lease?.Lost is { } lost ? $"{cluster.Name}: {lost}" : null
            );
        }
        catch (Exception exception)
            when (exception
                    is HttpRequestException
                        or k8s.Autorest.HttpOperationException
                        or InvalidOperationException
                        or k8s.Exceptions.KubeConfigException
                        or IOException
            )
        {
            return Unreachable(
                cluster,
                desired.Count > 0 ? desired : Desire(render, lenient: true),
                Describe(exception)
            );
        }
    }

    /// <summary>A dry run still shows the plan, clearly labelled; a real run fails this cluster.</summary>
    private ClusterReport Unreachable(
        Clusters.ClusterDefinition cluster,
        IReadOnlyList<Desired> desired,
        string reason
    )
    {
        if (!options.DryRun)
        {
            return new ClusterReport(cluster, [], $"{cluster.Name}: {reason}");
        }
        var plan = desired
            .Select(d => Report(d, SyncStatus.Unknown, "would apply; live state unknown", [], ""))
            .ToList();
        return new ClusterReport(cluster, plan, null) { Unreachable = reason };
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
        var copy = (Dictionary<string, object?>)Helmfile.Values.ValueMerge.Clone(data)!;
        ((Dictionary<string, object?>)copy["metadata"]!)["namespace"] = ns;
        return copy;
    }

    private ObjectReport Compare(Desired item, Dictionary<string, object?>? live)
    {
        if (live is null)
        {
            return Report(item, SyncStatus.Missing, "not in the cluster", [], "");
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

    private static string Describe(Exception exception) =>
        exception switch
        {
            k8s.Autorest.HttpOperationException http =>
                $"the API server answered {(int)http.Response.StatusCode}: {FirstLine(http.Response.Content)}",
            HttpRequestException =>
                $"cannot reach the API server ({exception.Message}). Check the kube context and network.",
            _ => exception.Message,
        };

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0];
}
