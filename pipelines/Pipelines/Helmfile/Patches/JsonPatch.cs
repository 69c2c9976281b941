using Pipelines.GoTemplates.Execution;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches;

/// <summary>
/// RFC 6902 on plain data, with the semantics of the json-patch library kustomize applies helmfile's
/// <c>jsonPatches</c> with: the path of add, replace, remove, move and copy must exist up to its last step (replace
/// and remove the last step too), <c>test</c> compares as JSON (an integer never equals a float) and passes for a
/// missing member only when the value is null.
/// </summary>
internal static class JsonPatch
{
    /// <summary>The patched document; <paramref name="document"/> itself may be changed.</summary>
    /// <exception cref="PatchFailure">An operation does not apply; the message names it and its path.</exception>
    public static object? Apply(object? document, IReadOnlyList<JsonPatchOperation> operations)
    {
        foreach (var (operation, index) in operations.Select((o, i) => (o, i)))
        {
            try
            {
                document = ApplyOne(document, operation);
            }
            catch (PatchFailure failure)
            {
                throw new PatchFailure($"operation {index + 1} ({operation}): {failure.Message}");
            }
        }
        return document;
    }

    private static object? ApplyOne(object? document, JsonPatchOperation operation)
    {
        switch (operation.Op)
        {
            case "add":
                return Add(document, operation.Path, ValueMerge.Clone(operation.Value));
            case "remove":
                Remove(document, operation.Path);
                return document;
            case "replace":
                if (operation.Path.Length == 0)
                {
                    return ValueMerge.Clone(operation.Value);
                }
                var (parent, token) = Parent(document, operation.Path);
                _ = Get(parent, token, ParentPath(operation.Path));
                Set(parent, token, ValueMerge.Clone(operation.Value));
                return document;
            case "move":
                var from = operation.From!;
                if (operation.Path.StartsWith(from + "/", StringComparison.Ordinal))
                {
                    throw new PatchFailure("a value cannot be moved into one of its own children.");
                }
                var moved = Lookup(document, from);
                Remove(document, from);
                return Add(document, operation.Path, moved);
            case "copy":
                return Add(
                    document,
                    operation.Path,
                    ValueMerge.Clone(Lookup(document, operation.From!))
                );
            default:
                Test(document, operation);
                return document;
        }
    }

    private static void Test(object? document, JsonPatchOperation operation)
    {
        object? actual;
        if (operation.Path.Length == 0)
        {
            actual = document;
        }
        else
        {
            var (parent, token) = Parent(document, operation.Path);
            var present = TryGet(parent, token, out actual);
            if (!present && operation.Value is null)
            {
                return;
            }
            if (!present)
            {
                throw new PatchFailure("test failed: the path does not exist.");
            }
        }
        if (!GoValues.DeepEqual(actual, operation.Value))
        {
            throw new PatchFailure(
                $"test failed: the value is {Show(actual)}, the patch expects {Show(operation.Value)}."
            );
        }
    }

    private static object? Add(object? document, string path, object? value)
    {
        if (path.Length == 0)
        {
            return value;
        }
        var (parent, token) = Parent(document, path);
        switch (parent)
        {
            case Dictionary<string, object?> map:
                map[token] = value;
                break;
            case List<object?> list:
                var index =
                    JsonPointerPath.Index(token, list.Count, forInsert: true)
                    ?? throw new PatchFailure(
                        $"'{token}' is not an index of a list of {list.Count} (0 to {list.Count}, or - to append)."
                    );
                list.Insert(index, value);
                break;
            default:
                throw new PatchFailure($"cannot add a member to {YamlData.Describe(parent)}.");
        }
        return document;
    }

    private static void Remove(object? document, string path)
    {
        if (path.Length == 0)
        {
            throw new PatchFailure("the whole object cannot be removed.");
        }
        var (parent, token) = Parent(document, path);
        _ = Get(parent, token, ParentPath(path));
        if (parent is Dictionary<string, object?> map)
        {
            map.Remove(token);
        }
        else
        {
            var list = (List<object?>)parent!;
            list.RemoveAt(JsonPointerPath.Index(token, list.Count, forInsert: false)!.Value);
        }
    }

    private static object? Lookup(object? document, string path)
    {
        if (path.Length == 0)
        {
            return document;
        }
        var (parent, token) = Parent(document, path);
        return Get(parent, token, ParentPath(path));
    }

    /// <summary>The container the last token of <paramref name="path"/> is in; every step before must exist.</summary>
    private static (object? Parent, string Token) Parent(object? document, string path)
    {
        var tokens = JsonPointerPath.Tokens(path);
        var current = document;
        var walked = "";
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            current = Get(current, token, walked);
            walked += "/" + token;
        }
        if (current is not (Dictionary<string, object?> or List<object?>))
        {
            throw new PatchFailure(
                $"the path does not exist: {(walked.Length == 0 ? "the document" : walked)} is {YamlData.Describe(current)}, "
                    + "not a mapping or list."
            );
        }
        return (current, tokens[^1]);
    }

    private static string ParentPath(string path) => path[..path.LastIndexOf('/')];

    private static string Where(string parentPath) =>
        parentPath.Length == 0 ? "the top" : parentPath;

    private static object? Get(object? container, string token, string parentPath) =>
        TryGet(container, token, out var value)
            ? value
            : throw new PatchFailure(
                container switch
                {
                    Dictionary<string, object?> map =>
                        $"the path does not exist: no key '{token}' under {Where(parentPath)}"
                            + (
                                map.Count == 0
                                    ? "."
                                    : $" (keys there: {string.Join(", ", map.Keys)})."
                            ),
                    List<object?> list =>
                        $"the path does not exist: '{token}' is not an index of the list of {list.Count} under {Where(parentPath)}.",
                    _ =>
                        $"the path does not exist: {Where(parentPath)} is {YamlData.Describe(container)}.",
                }
            );

    private static bool TryGet(object? container, string token, out object? value)
    {
        value = null;
        switch (container)
        {
            case Dictionary<string, object?> map:
                return map.TryGetValue(token, out value);
            case List<object?> list
                when JsonPointerPath.Index(token, list.Count, forInsert: false) is { } index:
                value = list[index];
                return true;
            default:
                return false;
        }
    }

    private static void Set(object? container, string token, object? value)
    {
        if (container is Dictionary<string, object?> map)
        {
            map[token] = value;
        }
        else
        {
            var list = (List<object?>)container!;
            list[JsonPointerPath.Index(token, list.Count, forInsert: false)!.Value] = value;
        }
    }

    // A float keeps its point, so "1 vs 1.0" reads as the mismatch it is.
    private static string Show(object? value) =>
        value is double real && double.IsFinite(real) && Math.Floor(real) == real
            ? real.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
            : System.Text.Json.JsonSerializer.Serialize(value);
}
