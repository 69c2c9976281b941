using System.Text;
using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// Field paths in the managedFields <c>fieldsV1</c> vocabulary. A path is its elements joined by
/// a newline: <c>f:&lt;field&gt;</c> for a map field and <c>k:{"name":"&lt;n&gt;"}</c> for an item
/// of an associative list. A path names a leaf value (scalar, atomic list, empty map) or a whole
/// list item (written as <c>.: {}</c> inside the item, as the real server does).
/// </summary>
internal static class FieldSet
{
    private const char Separator = '\n';

    /// <summary>
    /// A list is associative (merged by key, <c>x-kubernetes-list-type: map</c>) when every item is a
    /// map with a string <c>name</c>; any other list is atomic.
    /// </summary>
    public static bool IsAssociative(JsonArray array) =>
        array.Count > 0
        && array.All(item =>
            item is JsonObject o && o["name"] is JsonValue v && v.TryGetValue<string>(out _)
        );

    public static string ItemKey(JsonObject item) =>
        "k:" + new JsonObject { ["name"] = (string?)item["name"] }.ToJsonString();

    public static HashSet<string> FromObject(JsonObject obj)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Collect(obj, "", paths);
        return paths;
    }

    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths)
        {
            var node = root;
            foreach (var element in path.Split(Separator))
            {
                if (node[element] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[element] = child;
                }
                node = child;
            }
        }
        foreach (var path in paths)
        {
            var node = Navigate(root, path);
            if (node.Count > 0 && !node.ContainsKey("."))
            {
                node["."] = new JsonObject();
            }
        }
        return Sorted(root);
    }

    public static HashSet<string> FromFieldsV1(JsonObject? fields)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (fields is not null)
        {
            Read(fields, "", paths);
        }
        return paths;
    }

    /// <summary><c>.spec.template.spec.containers[name="web"].image</c>, as conflict messages print a path.</summary>
    public static string Display(string path)
    {
        var text = new StringBuilder();
        foreach (var element in path.Split(Separator))
        {
            if (element.StartsWith("f:", StringComparison.Ordinal))
            {
                text.Append('.').Append(element[2..]);
            }
            else
            {
                var key = JsonNode.Parse(element[2..])!.AsObject();
                text.Append('[')
                    .Append(string.Join(",", key.Select(p => $"{p.Key}={p.Value!.ToJsonString()}")))
                    .Append(']');
            }
        }
        return text.ToString();
    }

    public static bool TryGet(JsonObject root, string path, out JsonNode? value)
    {
        JsonNode? node = root;
        foreach (var element in path.Split(Separator))
        {
            node = Child(node, element);
            if (node is null)
            {
                value = null;
                return false;
            }
        }
        value = node;
        return true;
    }

    /// <summary>Removes the value at a path, then any map or list left empty above it that no one owns.</summary>
    public static void Remove(JsonObject root, string path, Func<string, bool> isOwned)
    {
        var elements = path.Split(Separator);
        for (var depth = elements.Length; depth > 0; depth--)
        {
            var current = string.Join(Separator, elements[..depth]);
            if (depth < elements.Length)
            {
                var stillThere = TryGet(root, current, out var container);
                var empty =
                    container is JsonObject { Count: 0 } || container is JsonArray { Count: 0 };
                if (!stillThere || !empty || isOwned(current))
                {
                    return;
                }
            }
            JsonNode? parent = root;
            foreach (var element in elements[..(depth - 1)])
            {
                parent = Child(parent, element);
            }
            var last = elements[depth - 1];
            if (parent is JsonObject map && last.StartsWith("f:", StringComparison.Ordinal))
            {
                map.Remove(last[2..]);
            }
            else if (parent is JsonArray list && Child(list, last) is JsonNode item)
            {
                list.Remove(item);
            }
        }
    }

    private static void Collect(JsonObject obj, string prefix, HashSet<string> paths)
    {
        foreach (var (name, value) in obj)
        {
            var path = Join(prefix, "f:" + name);
            switch (value)
            {
                case JsonObject { Count: > 0 } map:
                    Collect(map, path, paths);
                    break;
                case JsonArray list when IsAssociative(list):
                    foreach (var item in list.Cast<JsonObject>())
                    {
                        var itemPath = Join(path, ItemKey(item));
                        paths.Add(itemPath);
                        Collect(item, itemPath, paths);
                    }
                    break;
                default:
                    paths.Add(path);
                    break;
            }
        }
    }

    private static void Read(JsonObject fields, string prefix, HashSet<string> paths)
    {
        foreach (var (key, child) in fields)
        {
            if (key == ".")
            {
                paths.Add(prefix);
            }
            else if (child is JsonObject { Count: > 0 } nested)
            {
                Read(nested, Join(prefix, key), paths);
            }
            else
            {
                paths.Add(Join(prefix, key));
            }
        }
    }

    private static JsonNode? Child(JsonNode? node, string element)
    {
        if (element.StartsWith("f:", StringComparison.Ordinal))
        {
            return node is JsonObject map ? map[element[2..]] : null;
        }
        if (node is not JsonArray list)
        {
            return null;
        }
        var name = (string?)JsonNode.Parse(element[2..])?["name"];
        return list.FirstOrDefault(i =>
            i is JsonObject o && o["name"] is JsonValue v && (string?)v == name
        );
    }

    private static JsonObject Navigate(JsonObject root, string path) =>
        path.Split(Separator).Aggregate(root, (node, element) => node[element]!.AsObject());

    private static JsonObject Sorted(JsonObject node)
    {
        var sorted = new JsonObject();
        foreach (var key in node.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
        {
            var child = node[key]!.AsObject();
            sorted[key] = Sorted(child);
        }
        return sorted;
    }

    private static string Join(string prefix, string element) =>
        prefix.Length == 0 ? element : prefix + Separator + element;
}
