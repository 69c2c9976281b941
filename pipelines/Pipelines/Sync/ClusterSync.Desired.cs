using Pipelines.Helmfile.Rendering;
using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
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
        return Desire(render, manifests, lenient: false);
    }

    /// <summary>Lenient: objects of unknown kinds are left out (a dry run against an unreachable cluster).</summary>
    private List<Desired> Desire(ClusterRender render, bool lenient) =>
        Desire(render, Manifests(render), lenient);

    private List<Desired> Desire(
        ClusterRender render,
        List<(string Release, Dictionary<string, object?> Data)> manifests,
        bool lenient
    )
    {
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
}
