using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// The discovery documents: <c>/version</c>, <c>/api</c> (APIVersions), <c>/apis</c> (APIGroupList),
/// <c>/apis/&lt;group&gt;</c> (APIGroup) and <c>/api/v1</c>, <c>/apis/&lt;group&gt;/&lt;version&gt;</c>
/// (APIResourceList, with a <c>&lt;plural&gt;/status</c> entry where the subresource exists).
/// Aggregated discovery (apidiscovery.k8s.io/v2) is not offered; clients fall back to these.
/// </summary>
internal static class Discovery
{
    /// <summary>The body of <c>/version</c> for a server at <paramref name="gitVersion"/> (<c>v1.34.0</c>, <c>v1.35.2-eks-1a2b3c</c>).</summary>
    public static JsonObject Version(string gitVersion = "v1.34.0") =>
        new()
        {
            ["major"] = gitVersion.TrimStart('v').Split('.')[0],
            ["minor"] = gitVersion.Split('.')[1],
            ["gitVersion"] = gitVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-08-27T00:00:00Z",
            ["goVersion"] = "go1.24.6",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };

    public static JsonObject ApiVersions(string serverAddress) =>
        new()
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(
                new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }
            ),
        };

    public static JsonObject GroupList(IReadOnlyList<ApiResource> resources)
    {
        var groups = new JsonArray();
        foreach (
            var group in resources.Where(r => r.Group.Length > 0).Select(r => r.Group).Distinct()
        )
        {
            groups.Add(Group(resources, group));
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = groups,
        };
    }

    public static JsonObject? GroupDocument(IReadOnlyList<ApiResource> resources, string group)
    {
        if (!resources.Any(r => r.Group == group))
        {
            return null;
        }
        var document = Group(resources, group);
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }

    public static JsonObject? ResourceList(
        IReadOnlyList<ApiResource> resources,
        string group,
        string version
    )
    {
        var served = resources.Where(r => r.Group == group && r.Version == version).ToList();
        if (served.Count == 0)
        {
            return null;
        }
        var list = new JsonArray();
        foreach (var resource in served)
        {
            var entry = new JsonObject
            {
                ["name"] = resource.Plural,
                ["singularName"] = resource.Singular,
                ["namespaced"] = resource.Namespaced,
                ["kind"] = resource.Kind,
                ["verbs"] = new JsonArray([.. ApiResource.Verbs.Select(v => JsonValue.Create(v))]),
            };
            if (resource.ShortNames.Count > 0)
            {
                entry["shortNames"] = new JsonArray([
                    .. resource.ShortNames.Select(n => JsonValue.Create(n)),
                ]);
            }
            list.Add(entry);
            if (resource.HasStatus)
            {
                list.Add(
                    new JsonObject
                    {
                        ["name"] = $"{resource.Plural}/status",
                        ["singularName"] = "",
                        ["namespaced"] = resource.Namespaced,
                        ["kind"] = resource.Kind,
                        ["verbs"] = new JsonArray("get", "patch", "update"),
                    }
                );
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = served[0].GroupVersion,
            ["resources"] = list,
        };
    }

    private static JsonObject Group(IReadOnlyList<ApiResource> resources, string group)
    {
        var versions = resources
            .Where(r => r.Group == group)
            .Select(r => r.Version)
            .Distinct()
            .ToList();
        JsonObject VersionEntry(string version) =>
            new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(VersionEntry)]),
            ["preferredVersion"] = VersionEntry(versions[0]),
        };
    }
}
