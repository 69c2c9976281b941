namespace Pipelines.Yaml.Data;

/// <summary>
/// Helmfile's layering rule for state values: maps merge key by key, recursively, the later layer winning; a list in
/// a later layer replaces the earlier list, unless it holds a null (helmfile's sparse lists: then it merges item by
/// item, a null keeping the earlier item) or its layer merges lists by index (<c>--state-values-set</c>).
/// </summary>
public static class ValueMerge
{
    /// <summary>How a later layer's lists meet the earlier ones.</summary>
    public enum Lists
    {
        /// <summary>Replaced whole, unless the later list holds a null: then merged item by item.</summary>
        Sparse,

        /// <summary>Always merged item by item; a null item keeps the earlier one.</summary>
        ByIndex,
    }

    public static Dictionary<string, object?> Merge(
        IEnumerable<Dictionary<string, object?>> layers
    ) => Merge(layers.Select(layer => (layer, Lists.Sparse)));

    public static Dictionary<string, object?> Merge(
        IEnumerable<(Dictionary<string, object?> Values, Lists Lists)> layers
    )
    {
        var result = new Dictionary<string, object?>();
        foreach (var (values, lists) in layers)
        {
            MergeInto(result, values, lists);
        }
        return result;
    }

    /// <summary>A deep copy, so later merges never change a layer someone else holds.</summary>
    public static object? Clone(object? value) =>
        value switch
        {
            Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Clone(p.Value)),
            List<object?> list => list.Select(Clone).ToList(),
            _ => value,
        };

    // Everything in the target was cloned on the way in, so it can be changed in place.
    private static void MergeInto(
        Dictionary<string, object?> target,
        Dictionary<string, object?> layer,
        Lists lists
    )
    {
        foreach (var (key, value) in layer)
        {
            target[key] = MergeValue(target.GetValueOrDefault(key), value, lists);
        }
    }

    private static object? MergeValue(object? earlier, object? later, Lists lists)
    {
        switch (earlier, later)
        {
            case (Dictionary<string, object?> map, Dictionary<string, object?> layer):
                MergeInto(map, layer, lists);
                return map;
            case (List<object?> list, List<object?> layer)
                when lists == Lists.ByIndex || layer.Contains(null):
                for (var i = 0; i < layer.Count; i++)
                {
                    if (i >= list.Count)
                    {
                        list.Add(Clone(layer[i]));
                    }
                    else if (layer[i] is not null)
                    {
                        list[i] = MergeValue(list[i], layer[i], lists);
                    }
                }
                return list;
            default:
                return Clone(later);
        }
    }

    /// <summary>The value at a dotted path (<c>web.enabled</c>), or null when any step is missing.</summary>
    public static object? Lookup(Dictionary<string, object?> values, string dottedPath)
    {
        object? current = values;
        foreach (var key in dottedPath.Split('.'))
        {
            if (
                current is not Dictionary<string, object?> map
                || !map.TryGetValue(key, out current)
            )
            {
                return null;
            }
        }
        return current;
    }
}
