using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// The resource types one fake cluster serves: the built-in ones plus those that applied
/// CustomResourceDefinitions register. Thread-safe.
/// </summary>
internal sealed class ResourceCatalog
{
    private readonly Lock _gate = new();
    private readonly List<ApiResource> _resources = [.. BuiltInResources.All];

    public IReadOnlyList<ApiResource> Snapshot()
    {
        lock (_gate)
        {
            return [.. _resources];
        }
    }

    public ApiResource? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _resources.Find(r =>
                r.Group == group && r.Version == version && r.Plural == plural
            );
        }
    }

    /// <summary>Registers (or re-registers) the served versions of a CustomResourceDefinition.</summary>
    public void Register(JsonObject crd)
    {
        var spec = crd["spec"]?.AsObject();
        var names = spec?["names"]?.AsObject();
        var group = (string?)spec?["group"];
        var plural = (string?)names?["plural"];
        var kind = (string?)names?["kind"];
        if (group is null || plural is null || kind is null)
        {
            return;
        }
        var singular = (string?)names?["singular"] ?? kind.ToLowerInvariant();
        var shortNames = names?["shortNames"]?.AsArray().Select(n => (string)n!).ToArray() ?? [];
        var namespaced = (string?)spec?["scope"] != "Cluster";
        var versions = spec?["versions"]?.AsArray().OfType<JsonObject>() ?? [];
        var served = versions
            .Where(v => (bool?)v["served"] ?? true)
            .Select(v => new ApiResource(
                group,
                (string)v["name"]!,
                plural,
                singular,
                kind,
                namespaced,
                v["subresources"]?["status"] is not null,
                shortNames
            ))
            .ToList();
        lock (_gate)
        {
            _resources.RemoveAll(r => r.Group == group && r.Plural == plural);
            _resources.AddRange(served);
        }
    }

    public void Unregister(string group, string plural)
    {
        lock (_gate)
        {
            _resources.RemoveAll(r => r.Group == group && r.Plural == plural);
        }
    }
}
