using Pipelines.Yaml.Data;

namespace Pipelines.Sync.Diff;

/// <summary>
/// ignoreDifferences on apply, as Argo CD's <c>RespectIgnoreDifferences=true</c>: before an existing object is
/// applied, every ignored path of the desired manifest takes the live value, so a Deployment scaled by hand or by an
/// HPA keeps its replicas when Sync applies a new image. Where the live object has no value at an ignored path, the
/// path is left out of the applied body and whoever owns the field keeps it. New objects are applied as rendered.
/// </summary>
internal static class IgnoredFields
{
    /// <summary>A copy of <paramref name="desired"/> with the ignored paths taken from <paramref name="live"/>.</summary>
    public static Dictionary<string, object?> KeepLive(
        Dictionary<string, object?> desired,
        Dictionary<string, object?> live,
        IReadOnlyList<IgnoreDifferencesRule> rules
    )
    {
        var pointers = DriftComparer.IgnoredPointers(desired, live, rules);
        if (pointers.Length == 0)
        {
            return desired;
        }
        var body = (Dictionary<string, object?>)ValueMerge.Clone(desired)!;
        foreach (var pointer in pointers)
        {
            Keep(body, live, pointer.Segments, 0);
        }
        return body;
    }

    private static void Keep(object? desired, object? live, PointerSegment[] segments, int depth)
    {
        var last = depth == segments.Length - 1;
        var segment = segments[depth];
        if (desired is Dictionary<string, object?> map)
        {
            var liveMap = live as Dictionary<string, object?>;
            foreach (var key in map.Keys.ToList())
            {
                if (!segment.Matches(PathSegment.ForKey(key)))
                {
                    continue;
                }
                object? liveValue = null;
                var inLive = liveMap?.TryGetValue(key, out liveValue) == true;
                if (last)
                {
                    if (inLive)
                    {
                        map[key] = ValueMerge.Clone(liveValue);
                    }
                    else
                    {
                        map.Remove(key);
                    }
                }
                else if (inLive)
                {
                    Keep(map[key], liveValue, segments, depth + 1);
                }
            }
        }
        else if (desired is List<object?> list && live is List<object?> liveList)
        {
            var keyField = ListKeys.Choose(list);
            for (var index = 0; index < list.Count; index++)
            {
                if (!segment.Matches(PathSegment.ForItem(index, list[index], keyField)))
                {
                    continue;
                }
                var liveItem = LiveItem(list[index], index, liveList, keyField);
                if (liveItem is null)
                {
                    continue; // an item only Git has: nothing live to keep
                }
                if (last)
                {
                    list[index] = ValueMerge.Clone(liveItem);
                }
                else
                {
                    Keep(list[index], liveItem, segments, depth + 1);
                }
            }
        }
    }

    /// <summary>The live item matching a desired one: by its identity key (containers by name), else by position.</summary>
    private static object? LiveItem(
        object? item,
        int index,
        List<object?> live,
        string? keyField
    ) =>
        keyField is not null && item is Dictionary<string, object?> map
            ? ListKeys.Find(live, keyField, map[keyField]!)
        : index < live.Count ? live[index]
        : null;
}
