namespace Pipelines.Sync.Diff;

/// <summary>
/// Which field identifies the items of a list, the way strategic merge patch keys them: <c>name</c> (containers, env,
/// volumes, volumeMounts, named ports), else <c>containerPort</c> or <c>port</c> (unnamed ports), else
/// <c>mountPath</c> or <c>devicePath</c>. A field qualifies when every desired item is a map holding a non-empty
/// string or integer there, all different; otherwise the list is compared by position.
/// </summary>
internal static class ListKeys
{
    private static readonly string[] Candidates =
    [
        "name",
        "containerPort",
        "port",
        "mountPath",
        "devicePath",
    ];

    public static string? Choose(List<object?> desired)
    {
        if (desired.Count == 0 || desired[0] is not Dictionary<string, object?>)
        {
            return null;
        }
        foreach (var field in Candidates)
        {
            if (Identifies(desired, field))
            {
                return field;
            }
        }
        return null;
    }

    /// <summary>The first live item whose <paramref name="field"/> equals <paramref name="value"/>, or null.</summary>
    public static Dictionary<string, object?>? Find(List<object?> live, string field, object value)
    {
        foreach (var item in live)
        {
            if (
                item is Dictionary<string, object?> map
                && map.TryGetValue(field, out var candidate)
                && Same(candidate, value)
            )
            {
                return map;
            }
        }
        return null;
    }

    private static bool Identifies(List<object?> items, string field)
    {
        // Quadratic, but lists in manifests are short and this allocates nothing.
        for (var i = 0; i < items.Count; i++)
        {
            if (
                items[i] is not Dictionary<string, object?> map
                || !map.TryGetValue(field, out var value)
            )
            {
                return false;
            }
            if (value is not (long or string { Length: > 0 }))
            {
                return false;
            }
            for (var j = 0; j < i; j++)
            {
                if (Same(((Dictionary<string, object?>)items[j]!)[field], value))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static bool Same(object? a, object? b) =>
        (a, b) switch
        {
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (long x, long y) => x == y,
            _ => false,
        };
}
