using System.Collections.Concurrent;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Sync.Kube;

/// <summary>
/// Maps an object's apiVersion and kind to its API path. Built-in kinds are known; custom kinds come from the
/// CustomResourceDefinitions in the desired state (applied first) or, failing that, from the cluster.
/// </summary>
internal sealed class ResourceCatalog
{
    private readonly ConcurrentDictionary<(string, string), ResourceType> _custom = new();

    // Built-in types by (apiVersion, kind), made once: a sync locates thousands of objects of a few kinds.
    private readonly ConcurrentDictionary<(string, string), ResourceType?> _builtIn = new();

    /// <summary>Learns a custom kind from a CustomResourceDefinition (desired or live), as plain data.</summary>
    public void Learn(Dictionary<string, object?> crd)
    {
        if (
            crd.GetValueOrDefault("spec") is not Dictionary<string, object?> spec
            || spec.GetValueOrDefault("names") is not Dictionary<string, object?> names
            || spec.GetValueOrDefault("group") is not string group
        )
        {
            return;
        }
        var kind = names.GetValueOrDefault("kind") as string ?? "";
        var plural = names.GetValueOrDefault("plural") as string ?? "";
        var namespaced = spec.GetValueOrDefault("scope") as string != "Cluster";
        foreach (
            var version in (spec.GetValueOrDefault("versions") as List<object?> ?? []).OfType<
                Dictionary<string, object?>
            >()
        )
        {
            if (version.GetValueOrDefault("name") is string name)
            {
                _custom[($"{group}/{name}", kind)] = new ResourceType(
                    group,
                    name,
                    kind,
                    plural,
                    namespaced
                );
            }
        }
    }

    public ResourceType? Find(string apiVersion, string kind)
    {
        if (_custom.TryGetValue((apiVersion, kind), out var custom))
        {
            return custom;
        }
        return _builtIn.GetOrAdd(
            (apiVersion, kind),
            key =>
                ResourceScope.IsBuiltInGroup(ResourceType.Split(key.Item1).Group)
                    ? ResourceType.BuiltIn(key.Item1, key.Item2)
                    : null
        );
    }

    /// <summary>Where an object (plain data) lives: its type, namespace (defaulted for namespaced kinds) and name.</summary>
    public (ResourceType Type, string? Namespace, string Name) Locate(
        Dictionary<string, object?> data
    )
    {
        var apiVersion = data.GetValueOrDefault("apiVersion") as string ?? "";
        var kind = data.GetValueOrDefault("kind") as string ?? "";
        var metadata = data.GetValueOrDefault("metadata") as Dictionary<string, object?> ?? [];
        var type =
            Find(apiVersion, kind)
            ?? throw new InvalidOperationException(
                $"{apiVersion}/{kind} is not a kind this cluster is known to serve: apply its CustomResourceDefinition first."
            );
        var ns = type.Namespaced
            ? metadata.GetValueOrDefault("namespace") as string ?? "default"
            : null;
        return (type, ns, metadata.GetValueOrDefault("name") as string ?? "");
    }
}
