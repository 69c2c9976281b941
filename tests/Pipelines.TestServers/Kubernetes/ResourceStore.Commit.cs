using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>How a candidate object is laid out, compared and stored.</summary>
internal sealed partial class ResourceStore
{
    /// <summary>
    /// Stores a candidate: writes managedFields, keeps an unchanged object as it was (no new
    /// resourceVersion), bumps generation when anything outside metadata and status changed.
    /// </summary>
    private JsonObject Commit(
        ApiResource resource,
        JsonObject? existing,
        JsonObject candidate,
        List<ManagedFieldsEntry> entries,
        bool dryRun
    )
    {
        ManagedFields.Write(candidate, entries, FieldSet.FromObject(Sanitize(resource, candidate)));
        AddServerStatus(resource, candidate);
        if (existing is not null && JsonNode.DeepEquals(existing, candidate))
        {
            return Served(resource, existing);
        }
        var metadata = candidate["metadata"]!.AsObject();
        if (existing is not null && !JsonNode.DeepEquals(Spec(existing), Spec(candidate)))
        {
            var generation = (long?)existing["metadata"]?["generation"] ?? 1;
            metadata["generation"] = generation + 1;
        }
        if (dryRun)
        {
            return Served(resource, candidate);
        }
        metadata["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        _objects[Key(resource, (string?)metadata["namespace"], (string)metadata["name"]!)] =
            candidate;
        if (resource == BuiltInResources.CustomResourceDefinitions)
        {
            _catalog.Register(candidate);
        }
        return Served(resource, candidate);
    }

    /// <summary>Lays out an object as the server returns it, carrying system metadata over from the stored one.</summary>
    private JsonObject Normalize(
        ApiResource resource,
        JsonObject source,
        JsonObject? existing,
        string? ns,
        string name
    )
    {
        var old = existing?["metadata"] as JsonObject;
        var given = source["metadata"] as JsonObject ?? [];
        var metadata = new JsonObject { ["name"] = name };
        if (resource.Namespaced)
        {
            metadata["namespace"] = ns ?? "default";
        }
        metadata["uid"] = (string?)old?["uid"] ?? Guid.NewGuid().ToString();
        metadata["resourceVersion"] = (string?)old?["resourceVersion"] ?? "";
        metadata["generation"] = (long?)old?["generation"] ?? 1;
        metadata["creationTimestamp"] = (string?)old?["creationTimestamp"] ?? Now();
        foreach (
            var field in new[]
            {
                "labels",
                "annotations",
                "ownerReferences",
                "finalizers",
                "managedFields",
            }
        )
        {
            if (given[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }
        var result = new JsonObject
        {
            ["apiVersion"] = resource.GroupVersion,
            ["kind"] = resource.Kind,
            ["metadata"] = metadata,
        };
        foreach (
            var (field, value) in source.Where(p =>
                p.Key is not ("apiVersion" or "kind" or "metadata" or "status")
            )
        )
        {
            result[field] = value?.DeepClone();
        }
        if (source["status"] is { } status)
        {
            result["status"] = status.DeepClone();
        }
        return result;
    }

    /// <summary>What a manager can own: no type meta, system metadata, status (where it is a subresource) or nulls.</summary>
    private static JsonObject Sanitize(ApiResource resource, JsonObject obj)
    {
        var copy = JsonMerge.WithoutNulls(obj)!.AsObject();
        copy.Remove("apiVersion");
        copy.Remove("kind");
        if (resource.HasStatus)
        {
            copy.Remove("status");
        }
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in metadata.Select(p => p.Key).ToList())
            {
                if (field is not ("labels" or "annotations" or "ownerReferences" or "finalizers"))
                {
                    metadata.Remove(field);
                }
            }
            if (metadata.Count == 0)
            {
                copy.Remove("metadata");
            }
        }
        return copy;
    }

    private static JsonObject Spec(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private void RequireNamespace(ApiResource resource, string? ns)
    {
        if (
            resource.Namespaced
            && !_objects.ContainsKey(new ResourceKey("", "namespaces", "", ns ?? "default"))
        )
        {
            throw StatusResponses.NamespaceNotFound(ns ?? "default");
        }
    }
}
