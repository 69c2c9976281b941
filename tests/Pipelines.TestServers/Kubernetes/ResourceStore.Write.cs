using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

internal sealed partial class ResourceStore
{
    /// <summary>Server-side apply; returns the object and whether the apply created it.</summary>
    public (JsonObject Object, bool Created) Apply(
        ApiResource resource,
        string? ns,
        string name,
        JsonObject body,
        string manager,
        bool force,
        bool dryRun
    )
    {
        Validate(resource, ns, name, body, requireTypeMeta: true);
        lock (_gate)
        {
            _objects.TryGetValue(Key(resource, ns, name), out var existing);
            if (existing is null)
            {
                RequireNamespace(resource, ns);
            }
            var entries = existing is null ? [] : ManagedFields.Read(existing);
            var applied = Sanitize(resource, body);
            var merged = ServerSideApply.Merge(
                existing,
                applied,
                entries,
                manager,
                resource.GroupVersion,
                force,
                Now()
            );
            var candidate = Normalize(resource, merged, existing, ns, name);
            return (Commit(resource, existing, candidate, entries, dryRun), existing is null);
        }
    }

    public JsonObject Create(
        ApiResource resource,
        string? ns,
        JsonObject body,
        string manager,
        bool dryRun
    )
    {
        var name = (string?)body["metadata"]?["name"];
        if (name is null && body["metadata"]?["generateName"] is JsonValue prefix)
        {
            name = (string?)prefix + Guid.NewGuid().ToString("N")[..5];
        }
        if (string.IsNullOrEmpty(name))
        {
            throw StatusResponses.Invalid(
                resource.Kind,
                resource.Group,
                "",
                "metadata.name",
                "Required value: name or generateName is required"
            );
        }
        Validate(resource, ns, name, body, requireTypeMeta: false);
        lock (_gate)
        {
            if (_objects.ContainsKey(Key(resource, ns, name)))
            {
                throw StatusResponses.AlreadyExists(resource, name);
            }
            RequireNamespace(resource, ns);
            var candidate = Normalize(resource, Sanitize(resource, body), null, ns, name);
            var entries = new List<ManagedFieldsEntry>();
            ManagedFields.RecordUpdate(
                entries,
                null,
                Sanitize(resource, candidate),
                manager,
                resource.GroupVersion,
                Now()
            );
            return Commit(resource, null, candidate, entries, dryRun);
        }
    }

    /// <summary>PUT: replaces the object (or only its status), checking a resourceVersion when one is sent.</summary>
    public JsonObject Replace(
        ApiResource resource,
        string? ns,
        string name,
        JsonObject body,
        string manager,
        bool dryRun,
        bool status
    )
    {
        Validate(resource, ns, name, body, requireTypeMeta: false);
        lock (_gate)
        {
            var existing = Existing(resource, ns, name);
            var sentVersion = (string?)body["metadata"]?["resourceVersion"];
            if (
                !string.IsNullOrEmpty(sentVersion)
                && sentVersion != (string?)existing["metadata"]?["resourceVersion"]
            )
            {
                throw StatusResponses.Conflict(
                    resource,
                    name,
                    "the object has been modified; please apply your changes to the latest version and try again"
                );
            }
            JsonObject candidate;
            if (status)
            {
                candidate = existing.DeepClone().AsObject();
                candidate["status"] = JsonMerge.WithoutNulls(body["status"]);
            }
            else
            {
                candidate = Sanitize(resource, body);
                if (resource.HasStatus && existing["status"] is { } kept)
                {
                    candidate["status"] = kept.DeepClone();
                }
            }
            return Update(
                resource,
                existing,
                Normalize(resource, candidate, existing, ns, name),
                manager,
                dryRun
            );
        }
    }

    /// <summary>A JSON merge patch or (simplified) strategic merge patch, recorded as an Update by the manager.</summary>
    public JsonObject Patch(
        ApiResource resource,
        string? ns,
        string name,
        JsonObject patch,
        bool strategic,
        string manager,
        bool dryRun,
        bool status
    )
    {
        lock (_gate)
        {
            var existing = Existing(resource, ns, name);
            var candidate = existing.DeepClone().AsObject();
            var body = patch.DeepClone().AsObject();
            if (status)
            {
                body = new JsonObject { ["status"] = body["status"]?.DeepClone() };
            }
            else if (resource.HasStatus)
            {
                body.Remove("status");
            }
            JsonMerge.MergePatch(candidate, body, strategic);
            return Update(
                resource,
                existing,
                Normalize(resource, candidate, existing, ns, name),
                manager,
                dryRun
            );
        }
    }

    private JsonObject Update(
        ApiResource resource,
        JsonObject existing,
        JsonObject candidate,
        string manager,
        bool dryRun
    )
    {
        var entries = ManagedFields.Read(existing);
        ManagedFields.RecordUpdate(
            entries,
            Sanitize(resource, existing),
            Sanitize(resource, candidate),
            manager,
            resource.GroupVersion,
            Now()
        );
        return Commit(resource, existing, candidate, entries, dryRun);
    }
}
