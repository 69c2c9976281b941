using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>One <c>metadata.managedFields</c> entry: who owns which fields, through which operation.</summary>
internal sealed class ManagedFieldsEntry(
    string manager,
    string operation,
    string apiVersion,
    string time
)
{
    public string Manager { get; } = manager;

    public string Operation { get; } = operation;

    public string ApiVersion { get; set; } = apiVersion;

    public string Time { get; set; } = time;

    public HashSet<string> Fields { get; set; } = new(StringComparer.Ordinal);

    public bool IsApply => Operation == "Apply";

    /// <summary>How conflict messages name the manager: Update managers carry their API version.</summary>
    public string Describe() => IsApply ? $"\"{Manager}\"" : $"\"{Manager}\" using {ApiVersion}";
}

/// <summary>Reads, writes and updates the managedFields of a stored object (fieldsType FieldsV1).</summary>
internal static class ManagedFields
{
    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        foreach (
            var node in obj["metadata"]?["managedFields"]?.AsArray().OfType<JsonObject>() ?? []
        )
        {
            entries.Add(
                new ManagedFieldsEntry(
                    (string?)node["manager"] ?? "",
                    (string?)node["operation"] ?? "Update",
                    (string?)node["apiVersion"] ?? "",
                    (string?)node["time"] ?? ""
                )
                {
                    Fields = FieldSet.FromFieldsV1(node["fieldsV1"] as JsonObject),
                }
            );
        }
        return entries;
    }

    /// <summary>Keeps each entry to the fields the object still has, drops empty entries, and stores them.</summary>
    public static void Write(
        JsonObject obj,
        List<ManagedFieldsEntry> entries,
        HashSet<string> present
    )
    {
        var metadata = obj["metadata"]!.AsObject();
        var array = new JsonArray();
        foreach (var entry in entries)
        {
            entry.Fields.IntersectWith(present);
            if (entry.Fields.Count == 0)
            {
                continue;
            }
            array.Add(
                new JsonObject
                {
                    ["manager"] = entry.Manager,
                    ["operation"] = entry.Operation,
                    ["apiVersion"] = entry.ApiVersion,
                    ["time"] = entry.Time,
                    ["fieldsType"] = "FieldsV1",
                    ["fieldsV1"] = FieldSet.ToFieldsV1(entry.Fields),
                }
            );
        }
        metadata.Remove("managedFields");
        if (array.Count > 0)
        {
            metadata["managedFields"] = array;
        }
    }

    /// <summary>
    /// Records an Update: the manager takes the fields whose values it changed (or added), and
    /// every other manager loses them. Updates never conflict.
    /// </summary>
    public static void RecordUpdate(
        List<ManagedFieldsEntry> entries,
        JsonObject? before,
        JsonObject after,
        string manager,
        string apiVersion,
        string time
    )
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in FieldSet.FromObject(after))
        {
            FieldSet.TryGet(after, path, out var value);
            var unchanged =
                before is not null
                && FieldSet.TryGet(before, path, out var old)
                && (path.EndsWith('}') || JsonNode.DeepEquals(old, value));
            if (!unchanged)
            {
                changed.Add(path);
            }
        }
        if (changed.Count == 0)
        {
            return;
        }
        foreach (var other in entries)
        {
            other.Fields.ExceptWith(changed);
        }
        var entry = entries.Find(e => e.Manager == manager && !e.IsApply);
        if (entry is null)
        {
            entry = new ManagedFieldsEntry(manager, "Update", apiVersion, time);
            entries.Add(entry);
        }
        entry.ApiVersion = apiVersion;
        entry.Time = time;
        entry.Fields.UnionWith(changed);
    }
}
