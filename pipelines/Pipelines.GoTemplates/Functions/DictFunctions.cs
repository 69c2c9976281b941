using Pipelines.GoTemplates.Execution;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's dict functions. As in Go, maps are shared, not copied: <c>set</c>, <c>unset</c> and <c>merge</c>
/// change the map they are given (and return it). Templates get their own copy of the render data, so this never
/// reaches another render. Where Go's order is random (keys, values), the keys are sorted.
/// </summary>
internal static class DictFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new(
                "sprigGet",
                2,
                2,
                call => call.Map(0).TryGetValue(call.String(1), out var v) ? v : ""
            ),
            new("set", 3, 3, Set),
            new("unset", 2, 2, Unset),
            new(
                "keys",
                0,
                null,
                call =>
                    Maps(call)
                        .SelectMany(m => m.Keys.Order(StringComparer.Ordinal))
                        .Cast<object?>()
                        .ToList()
            ),
            new(
                "values",
                1,
                1,
                call =>
                    call.Map(0)
                        .OrderBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => p.Value)
                        .ToList()
            ),
            new("pluck", 1, null, Pluck),
            new("pick", 1, null, call => Select(call, keep: true)),
            new("omit", 1, null, call => Select(call, keep: false)),
            new("dig", 3, null, Dig),
            new("merge", 1, null, call => Merge(call, overwrite: false)),
            new("mustMerge", 1, null, call => Merge(call, overwrite: false)),
            new("mergeOverwrite", 1, null, call => Merge(call, overwrite: true)),
            new("mustMergeOverwrite", 1, null, call => Merge(call, overwrite: true)),
            new("deepCopy", 1, 1, call => GoValues.DeepCopy(call[0])),
            new(
                "mustDeepCopy",
                1,
                1,
                call =>
                    call[0] is null
                        ? throw call.Fail("copy: Provided interface is nil")
                        : GoValues.DeepCopy(call[0])
            ),
        ];

    private static IDictionary<string, object?> Mutable(FunctionCall call, int index) =>
        call.Map(index) as IDictionary<string, object?>
        ?? throw call.Fail("this map cannot be changed; copy it first with deepCopy");

    private static object? Set(FunctionCall call)
    {
        var map = Mutable(call, 0);
        map[call.String(1)] = call[2];
        return map;
    }

    private static object? Unset(FunctionCall call)
    {
        var map = Mutable(call, 0);
        map.Remove(call.String(1));
        return map;
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Maps(
        FunctionCall call,
        int from = 0
    ) => Enumerable.Range(from, call.Count - from).Select(call.Map);

    private static object? Pluck(FunctionCall call)
    {
        var key = call.String(0);
        return Maps(call, 1).Where(m => m.ContainsKey(key)).Select(m => m[key]).ToList();
    }

    private static object? Select(FunctionCall call, bool keep)
    {
        var keys = Enumerable
            .Range(1, call.Count - 1)
            .Select(call.String)
            .ToHashSet(StringComparer.Ordinal);
        return call.Map(0)
            .Where(p => keys.Contains(p.Key) == keep)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>dig "a" "b" DEFAULT $dict: walks nested maps; a missing key gives the default.</summary>
    private static object? Dig(FunctionCall call)
    {
        var map = call.Map(call.Count - 1);
        var keys = Enumerable.Range(0, call.Count - 2).Select(call.String).ToList();
        for (var i = 0; ; i++)
        {
            if (!map.TryGetValue(keys[i], out var step))
            {
                return call[call.Count - 2];
            }
            if (i == keys.Count - 1)
            {
                return step;
            }
            map =
                step as IReadOnlyDictionary<string, object?>
                ?? throw call.Fail(
                    $"interface conversion: interface {{}} is {Formatting.GoFormat.TypeName(step)}, not map[string]interface {{}}"
                );
        }
    }

    private static object? Merge(FunctionCall call, bool overwrite)
    {
        var target = Mutable(call, 0);
        foreach (var source in Maps(call, 1))
        {
            DeepMerge(target, source, overwrite);
        }
        return target;
    }

    /// <summary>
    /// mergo's map merge as sprig calls it: nested maps merge key by key; otherwise a key is taken from the source
    /// when the destination lacks it or holds an empty value (or always, with overwrite), except that a non-empty
    /// destination is never replaced by a map or list, and a nil source replaces only with overwrite.
    /// </summary>
    private static void DeepMerge(
        IDictionary<string, object?> target,
        IReadOnlyDictionary<string, object?> source,
        bool overwrite
    )
    {
        foreach (var (key, value) in source)
        {
            var has = target.TryGetValue(key, out var existing);
            if (value is null)
            {
                if (overwrite)
                {
                    target[key] = null;
                }
                continue;
            }
            if (
                value is IReadOnlyDictionary<string, object?> sourceMap
                && existing is IDictionary<string, object?> targetMap
            )
            {
                DeepMerge(targetMap, sourceMap, overwrite);
            }
            var empty = !has || !GoValues.IsTrue(existing);
            if (!empty && value is IReadOnlyDictionary<string, object?> or IReadOnlyList<object?>)
            {
                continue;
            }
            if (overwrite || empty)
            {
                target[key] = value;
            }
        }
    }
}
