namespace Pipelines.Yaml.Data;

/// <summary>
/// Helmfile's (and helm's) layering rule for values: maps merge key by key, recursively; any other value,
/// lists included, is replaced whole by the later layer.
/// </summary>
public static class ValueMerge
{
    public static Dictionary<string, object?> Merge(IEnumerable<Dictionary<string, object?>> layers)
    {
        var result = new Dictionary<string, object?>();
        foreach (var layer in layers)
        {
            MergeInto(result, layer);
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

    private static void MergeInto(
        Dictionary<string, object?> target,
        Dictionary<string, object?> layer
    )
    {
        foreach (var (key, value) in layer)
        {
            if (
                value is Dictionary<string, object?> map
                && target.GetValueOrDefault(key) is Dictionary<string, object?> existing
            )
            {
                MergeInto(existing, map);
            }
            else
            {
                target[key] = Clone(value);
            }
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
