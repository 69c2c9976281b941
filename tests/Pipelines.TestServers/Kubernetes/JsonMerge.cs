using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// The three ways a body is merged into a stored object: server-side apply (maps merged, associative
/// lists merged by <c>name</c>, everything else replaced), JSON merge patch (RFC 7386: null deletes,
/// lists replaced) and strategic merge patch (a merge patch that merges lists of named maps by name;
/// <c>$patch</c> directives are not supported).
/// </summary>
internal static class JsonMerge
{
    public static void Apply(JsonObject target, JsonObject applied)
    {
        foreach (var (name, value) in applied)
        {
            switch (value)
            {
                case null:
                    break;
                case JsonObject map when target[name] is JsonObject existing:
                    Apply(existing, map);
                    break;
                case JsonArray list when IsKeyedPair(target[name], list, out var existingList):
                    MergeItems(existingList, list, Apply);
                    break;
                default:
                    target[name] = value.DeepClone();
                    break;
            }
        }
    }

    public static void MergePatch(JsonObject target, JsonObject patch, bool strategic)
    {
        foreach (var (name, value) in patch)
        {
            switch (value)
            {
                case null:
                    target.Remove(name);
                    break;
                case JsonObject map:
                    if (target[name] is not JsonObject existing)
                    {
                        existing = new JsonObject();
                        target[name] = existing;
                    }
                    MergePatch(existing, map, strategic);
                    break;
                case JsonArray list
                    when strategic && IsKeyedPair(target[name], list, out var existingList):
                    MergeItems(
                        existingList,
                        list,
                        (item, itemPatch) => MergePatch(item, itemPatch, strategic)
                    );
                    break;
                default:
                    target[name] = WithoutNulls(value);
                    break;
            }
        }
    }

    /// <summary>A deep copy without null-valued map entries (they mean "not set" in a body).</summary>
    public static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                var copy = new JsonObject();
                foreach (var (name, value) in map)
                {
                    if (value is not null)
                    {
                        copy[name] = WithoutNulls(value);
                    }
                }
                return copy;
            case JsonArray list:
                return new JsonArray([.. list.Select(WithoutNulls)]);
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsKeyedPair(
        JsonNode? existing,
        JsonArray incoming,
        out JsonArray existingList
    )
    {
        existingList = existing as JsonArray ?? [];
        return existing is JsonArray list
            && FieldSet.IsAssociative(incoming)
            && (list.Count == 0 || FieldSet.IsAssociative(list));
    }

    private static void MergeItems(
        JsonArray existing,
        JsonArray incoming,
        Action<JsonObject, JsonObject> merge
    )
    {
        foreach (var item in incoming.Cast<JsonObject>())
        {
            var name = (string?)item["name"];
            var match = existing
                .OfType<JsonObject>()
                .FirstOrDefault(e => (string?)e["name"] == name);
            if (match is null)
            {
                existing.Add(WithoutNulls(item));
            }
            else
            {
                merge(match, item);
            }
        }
    }
}
