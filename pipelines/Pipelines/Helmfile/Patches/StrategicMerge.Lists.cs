namespace Pipelines.Helmfile.Patches;

internal sealed partial class StrategicMerge
{
    /// <summary>The merged list, or null when the patch deletes the field (<c>- $patch: delete</c>).</summary>
    private List<object?>? MergeList(
        List<object?>? original,
        List<object?> patch,
        List<string> path
    )
    {
        var directive = patch
            .OfType<Dictionary<string, object?>>()
            .FirstOrDefault(IsListDirective)
            ?.GetValueOrDefault(Directive);
        var items = patch
            .Where(e => e is not Dictionary<string, object?> m || !IsListDirective(m))
            .ToList();
        switch (directive)
        {
            case "delete":
                return null;
            case "replace":
                return Fresh(items, path);
            case null or "merge":
                break;
            case var other:
                throw UnknownDirective(other, path);
        }
        var keys = Keys(original, items, path);
        if (keys is null)
        {
            return Fresh(items, path);
        }
        if (keys == MergeKeys.Set)
        {
            // The patch's values first, then the others, as kustomize merges finalizers.
            var seen = items.Select(ObjectIdentity.Scalar).ToHashSet(StringComparer.Ordinal);
            return [.. items, .. (original ?? []).Where(v => seen.Add(ObjectIdentity.Scalar(v)))];
        }
        return MergeByKeys(original ?? [], items, keys, path);
    }

    private List<object?> MergeByKeys(
        List<object?> original,
        List<object?> items,
        IReadOnlyList<string> keys,
        List<string> path
    )
    {
        var result = new List<object?>();
        var handled = new HashSet<int>();
        foreach (var item in items)
        {
            if (item is not Dictionary<string, object?> map)
            {
                result.Add(item);
                continue;
            }
            var present = keys.Where(k =>
                    ObjectIdentity.Scalar(map.GetValueOrDefault(k)).Length > 0
                )
                .ToList();
            var index =
                present.Count == 0 ? -1 : original.FindIndex(o => SameItem(o, map, present));
            if (index >= 0)
            {
                handled.Add(index);
            }
            var merged = MergeMap(
                index >= 0 ? (Dictionary<string, object?>)original[index]! : null,
                map,
                path
            );
            if (merged is { Count: > 0 })
            {
                result.Add(merged);
            }
        }
        result.AddRange(original.Where((_, i) => !handled.Contains(i)));
        return result;
    }

    private static bool SameItem(
        object? candidate,
        Dictionary<string, object?> item,
        List<string> keys
    ) =>
        candidate is Dictionary<string, object?> map
        && keys.All(k =>
            ObjectIdentity.Scalar(map.GetValueOrDefault(k)) == ObjectIdentity.Scalar(item[k])
        );

    /// <summary>The API's keys for built-in kinds, else <c>name</c> when every item on both sides has one.</summary>
    private IReadOnlyList<string>? Keys(
        List<object?>? original,
        List<object?> items,
        List<string> path
    )
    {
        if (builtIn && MergeKeys.ForBuiltIn(kind, path) is { } known)
        {
            return known;
        }
        var all = (original ?? []).Concat(items).ToList();
        return
            all.Count > 0
            && all.All(e =>
                e is Dictionary<string, object?> m
                && ObjectIdentity.Scalar(m.GetValueOrDefault("name")).Length > 0
            )
            ? ["name"]
            : null;
    }

    /// <summary>Items as the patch gives them, with their own directives applied.</summary>
    private List<object?> Fresh(List<object?> items, List<string> path) =>
        items
            .Select(e => e is Dictionary<string, object?> map ? MergeMap(null, map, path) : e)
            .Where(e => e is not null)
            .ToList();

    private List<object?> Ordered(List<object?> list, object? order, List<string> path)
    {
        if (order is not List<object?> wanted)
        {
            throw new PatchFailure($"'{ElementOrder}{path[^1]}' must be a list.");
        }
        var keys = Keys(list, [], path) ?? MergeKeys.Set;
        int Rank(object? item)
        {
            var at = wanted.FindIndex(w =>
                keys == MergeKeys.Set
                    ? ObjectIdentity.Scalar(w) == ObjectIdentity.Scalar(item)
                    : w is Dictionary<string, object?> m
                        && SameItem(item, m, keys.Where(m.ContainsKey).ToList())
                        && keys.Any(m.ContainsKey)
            );
            return at < 0 ? int.MaxValue : at;
        }
        // OrderBy is stable: items the order does not name keep their places after the named ones.
        return list.OrderBy(Rank).ToList();
    }

    private static bool IsListDirective(Dictionary<string, object?> map) =>
        map.Count == 1 && map.ContainsKey(Directive);
}
