using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches;

/// <summary>One RFC 6902 operation: <c>op</c>, <c>path</c>, and <c>value</c> or <c>from</c> as the op needs.</summary>
internal sealed record JsonPatchOperation(string Op, string Path, string? From, object? Value)
{
    private static readonly string[] Ops = ["add", "remove", "replace", "move", "copy", "test"];

    public override string ToString() =>
        From is null ? $"{Op} {Quoted(Path)}" : $"{Op} {Quoted(From)} to {Quoted(Path)}";

    private static string Quoted(string pointer) =>
        pointer.Length == 0 ? "\"\" (the whole object)" : pointer;

    /// <summary>Reads the <c>patch:</c> list of a jsonPatches entry; <paramref name="where"/> prefixes errors.</summary>
    /// <exception cref="PatchFailure">An operation is not a mapping, names an unknown op, or lacks a field its op needs.</exception>
    public static IReadOnlyList<JsonPatchOperation> ParseAll(object? patch, string where)
    {
        if (patch is not List<object?> list)
        {
            throw new PatchFailure(
                $"{where}: 'patch' must be a list of operations such as '- {{op: replace, path: /spec/replicas, value: 2}}', "
                    + $"not {YamlData.Describe(patch)}."
            );
        }
        return list.Select((entry, index) => Parse(entry, $"{where}, operation {index + 1}"))
            .ToList();
    }

    private static JsonPatchOperation Parse(object? entry, string where)
    {
        if (entry is not Dictionary<string, object?> map)
        {
            throw new PatchFailure(
                $"{where}: an operation is a mapping with op and path, not {YamlData.Describe(entry)}."
            );
        }
        var op = map.GetValueOrDefault("op") as string;
        if (op is null || !Ops.Contains(op))
        {
            throw new PatchFailure(
                $"{where}: unknown op '{map.GetValueOrDefault("op") ?? "(none)"}'; RFC 6902 ops are {string.Join(", ", Ops)}."
            );
        }
        var path = Pointer(map, "path", where, op);
        var from = op is "move" or "copy" ? Pointer(map, "from", where, op) : null;
        if (op is "add" or "replace" or "test" && !map.ContainsKey("value"))
        {
            throw new PatchFailure($"{where}: op '{op}' needs a 'value'.");
        }
        var unknown = map.Keys.Except(["op", "path", "from", "value"]).FirstOrDefault();
        if (unknown is not null)
        {
            throw new PatchFailure(
                $"{where}: unknown field '{unknown}'; an operation has op, path, from and value."
            );
        }
        return new JsonPatchOperation(op, path, from, map.GetValueOrDefault("value"));
    }

    private static string Pointer(
        Dictionary<string, object?> map,
        string field,
        string where,
        string op
    )
    {
        if (map.GetValueOrDefault(field) is not string pointer)
        {
            throw new PatchFailure(
                $"{where}: op '{op}' needs '{field}', a JSON pointer such as /spec/replicas."
            );
        }
        JsonPointerPath.Validate(pointer, $"{where}: {field}");
        return pointer;
    }
}
