using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>Where an object lives: by group and resource (not version), namespace ("" when cluster-scoped) and name.</summary>
internal readonly record struct ResourceKey(
    string Group,
    string Plural,
    string Namespace,
    string Name
);

/// <summary>
/// The objects of one fake cluster. Every read and write holds one lock, so concurrent requests
/// see each other's writes in a single order; <c>resourceVersion</c> is one global counter.
/// </summary>
internal sealed partial class ResourceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceKey, JsonObject> _objects = [];
    private readonly ResourceCatalog _catalog;
    private readonly TimeProvider _time;
    private long _resourceVersion = 1000;

    public ResourceStore(ResourceCatalog catalog, TimeProvider time)
    {
        _catalog = catalog;
        _time = time;
        foreach (var ns in new[] { "default", "kube-system", "kube-public" })
        {
            var body = new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } };
            Create(BuiltInResources.Namespaces, null, body, "kube-apiserver", dryRun: false);
        }
    }

    public JsonObject Get(ApiResource resource, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(Key(resource, ns, name), out var found)
                ? Served(resource, found)
                : throw StatusResponses.NotFound(resource, name);
        }
    }

    public JsonObject List(
        ApiResource resource,
        string? ns,
        LabelSelector labels,
        LabelSelector fields
    )
    {
        lock (_gate)
        {
            var items = _objects
                .Where(p => p.Key.Group == resource.Group && p.Key.Plural == resource.Plural)
                .Where(p => ns is null || p.Key.Namespace == ns)
                .OrderBy(p => p.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Name, StringComparer.Ordinal)
                .Select(p => p.Value)
                .Where(o =>
                    labels.Matches(o, fieldSelector: false)
                    && fields.Matches(o, fieldSelector: true)
                )
                .Select(o => (JsonNode)Served(resource, o));
            return new JsonObject
            {
                ["apiVersion"] = resource.GroupVersion,
                ["kind"] = resource.Kind + "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = CurrentVersion() },
                ["items"] = new JsonArray([.. items]),
            };
        }
    }

    /// <summary>
    /// Deletes at once (no finalizers, no graceful termination); a namespace takes its objects with it. The uid and
    /// resourceVersion preconditions, when sent, must match the object.
    /// </summary>
    public JsonObject Delete(
        ApiResource resource,
        string? ns,
        string name,
        bool dryRun,
        DeletePreconditions preconditions = default
    )
    {
        lock (_gate)
        {
            var key = Key(resource, ns, name);
            if (!_objects.TryGetValue(key, out var found))
            {
                throw StatusResponses.NotFound(resource, name);
            }
            preconditions.Check(resource, name, found);
            var uid = (string?)found["metadata"]?["uid"];
            if (dryRun)
            {
                return StatusResponses.Success(resource, name, uid);
            }
            _objects.Remove(key);
            _resourceVersion++;
            if (resource == BuiltInResources.Namespaces)
            {
                RemoveWhere(k => k.Namespace == name);
            }
            if (
                resource.Plural == BuiltInResources.CustomResourceDefinitions.Plural
                && resource.Group == BuiltInResources.CustomResourceDefinitions.Group
            )
            {
                var group = (string?)found["spec"]?["group"] ?? "";
                var plural = (string?)found["spec"]?["names"]?["plural"] ?? "";
                _catalog.Unregister(group, plural);
                RemoveWhere(k => k.Group == group && k.Plural == plural);
            }
            return StatusResponses.Success(resource, name, uid);
        }
    }

    /// <summary>Replaces <c>status</c> as a controller would: resourceVersion moves, generation does not.</summary>
    public JsonObject SetStatus(ApiResource resource, string? ns, string name, JsonNode status)
    {
        lock (_gate)
        {
            var existing = Existing(resource, ns, name);
            var candidate = existing.DeepClone().AsObject();
            candidate["status"] = status.DeepClone();
            return Commit(
                resource,
                existing,
                candidate,
                ManagedFields.Read(existing),
                dryRun: false
            );
        }
    }

    private JsonObject Existing(ApiResource resource, string? ns, string name) =>
        _objects.TryGetValue(Key(resource, ns, name), out var found)
            ? found
            : throw StatusResponses.NotFound(resource, name);

    private void RemoveWhere(Func<ResourceKey, bool> predicate)
    {
        foreach (var key in _objects.Keys.Where(predicate).ToList())
        {
            _objects.Remove(key);
        }
    }

    private string CurrentVersion() => _resourceVersion.ToString(CultureInfo.InvariantCulture);

    private string Now() =>
        _time
            .GetUtcNow()
            .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ResourceKey Key(ApiResource resource, string? ns, string name) =>
        new(resource.Group, resource.Plural, resource.Namespaced ? ns ?? "default" : "", name);

    /// <summary>A copy to hand out, labelled with the version it was asked for (no conversion happens).</summary>
    private static JsonObject Served(ApiResource resource, JsonObject stored)
    {
        var copy = stored.DeepClone().AsObject();
        copy["apiVersion"] = resource.GroupVersion;
        return copy;
    }
}
