using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

internal sealed partial class ResourceStore
{
    /// <summary>The checks the real server makes before it looks at the stored object, with its wording.</summary>
    private static void Validate(
        ApiResource resource,
        string? ns,
        string name,
        JsonObject body,
        bool requireTypeMeta
    )
    {
        var apiVersion = (string?)body["apiVersion"];
        var kind = (string?)body["kind"];
        if (requireTypeMeta && (apiVersion is null || kind is null))
        {
            throw StatusResponses.BadRequest(
                $"Object 'Kind' is missing in '{body.ToJsonString()}'"
            );
        }
        if (apiVersion is not null && apiVersion != resource.GroupVersion)
        {
            throw StatusResponses.BadRequest(
                $"the API version in the data ({apiVersion}) does not match the expected API version ({resource.GroupVersion})"
            );
        }
        if (kind is not null && kind != resource.Kind)
        {
            throw StatusResponses.BadRequest(
                $"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})"
            );
        }
        var bodyName = (string?)body["metadata"]?["name"];
        if (bodyName is not null && bodyName != name)
        {
            throw StatusResponses.BadRequest(
                $"the name of the object ({bodyName}) does not match the name on the URL ({name})"
            );
        }
        var bodyNamespace = (string?)body["metadata"]?["namespace"];
        if (
            resource.Namespaced
            && ns is not null
            && bodyNamespace is not null
            && bodyNamespace != ns
        )
        {
            throw StatusResponses.BadRequest(
                "the namespace of the provided object does not match the namespace sent on the request"
            );
        }
        if (resource == BuiltInResources.CustomResourceDefinitions)
        {
            var expected = $"{body["spec"]?["names"]?["plural"]}.{body["spec"]?["group"]}";
            if (name != expected)
            {
                throw StatusResponses.Invalid(
                    resource.Kind,
                    resource.Group,
                    name,
                    "metadata.name",
                    $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group",
                    "FieldValueInvalid"
                );
            }
        }
    }

    /// <summary>
    /// The status the real control plane would set at once: a namespace is Active, a
    /// CustomResourceDefinition is Established with its names accepted.
    /// </summary>
    private static void AddServerStatus(ApiResource resource, JsonObject candidate)
    {
        if (resource == BuiltInResources.Namespaces && candidate["status"] is null)
        {
            candidate["status"] = new JsonObject { ["phase"] = "Active" };
        }
        if (resource == BuiltInResources.CustomResourceDefinitions)
        {
            var storage = candidate["spec"]
                ?["versions"]?.AsArray()
                .OfType<JsonObject>()
                .FirstOrDefault(v => (bool?)v["storage"] ?? false)
                ?["name"];
            candidate["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(
                    Condition("NamesAccepted", "NoConflicts"),
                    Condition("Established", "InitialNamesAccepted")
                ),
                ["acceptedNames"] = candidate["spec"]?["names"]?.DeepClone(),
                ["storedVersions"] = new JsonArray(storage?.DeepClone()),
            };
        }
    }

    private static JsonObject Condition(string type, string reason) =>
        new()
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = "2025-01-01T00:00:00Z",
            ["reason"] = reason,
            ["message"] =
                type == "Established"
                    ? "the initial names have been accepted"
                    : "no conflicts found",
        };
}
