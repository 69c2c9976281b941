namespace Pipelines.Helmfile.Patches;

/// <summary>
/// A strategic merge patch on plain data, as kustomize applies helmfile's <c>strategicMergePatches</c>: maps merge
/// key by key (null deletes), lists merge by their merge keys (<see cref="MergeKeys"/>) with the patch's items
/// first and the other items after in their order, other lists are replaced. Directives: <c>$patch: merge</c>,
/// <c>replace</c> and <c>delete</c> on maps, list items and lists (<c>- $patch: replace</c>), and kubectl's
/// <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/field</c> and <c>$setElementOrder/field</c>.
/// </summary>
internal sealed partial class StrategicMerge(string kind, bool builtIn)
{
    private const string Directive = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string DeleteFromList = "$deleteFromPrimitiveList/";
    private const string ElementOrder = "$setElementOrder/";

    /// <summary>The merged object, or null when the patch deletes it (<c>$patch: delete</c> at the top).</summary>
    /// <exception cref="PatchFailure">An unknown <c>$patch</c> value or a malformed directive.</exception>
    public Dictionary<string, object?>? Apply(
        Dictionary<string, object?> original,
        Dictionary<string, object?> patch
    ) => MergeMap(original, patch, []);

    private Dictionary<string, object?>? MergeMap(
        Dictionary<string, object?>? original,
        Dictionary<string, object?> patch,
        List<string> path
    )
    {
        switch (patch.GetValueOrDefault(Directive))
        {
            case "delete":
                return null;
            case "replace":
                return MergeMap(null, patch.Where(p => p.Key != Directive).ToDictionary(), path);
            case null or "merge":
                break;
            case var other:
                throw UnknownDirective(other, path);
        }
        var result = original is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(original);
        foreach (var (key, value) in patch.Where(p => !p.Key.StartsWith('$')))
        {
            var merged = value switch
            {
                null => null,
                Dictionary<string, object?> map => MergeMap(
                    result.GetValueOrDefault(key) as Dictionary<string, object?>,
                    map,
                    [.. path, key]
                ),
                List<object?> list => MergeList(
                    result.GetValueOrDefault(key) as List<object?>,
                    list,
                    [.. path, key]
                ),
                _ => value,
            };
            if (merged is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = merged;
            }
        }
        ApplyListDirectives(result, patch, path);
        if (patch.TryGetValue(RetainKeys, out var retain))
        {
            var kept = Strings(retain, RetainKeys, path).ToHashSet(StringComparer.Ordinal);
            foreach (var key in result.Keys.Where(k => !kept.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }
        return result;
    }

    private void ApplyListDirectives(
        Dictionary<string, object?> result,
        Dictionary<string, object?> patch,
        List<string> path
    )
    {
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromList, StringComparison.Ordinal))
            {
                var field = key[DeleteFromList.Length..];
                var doomed = Strings(value, key, path).ToHashSet(StringComparer.Ordinal);
                if (result.GetValueOrDefault(field) is List<object?> list)
                {
                    result[field] = list.Where(v => !doomed.Contains(ObjectIdentity.Scalar(v)))
                        .ToList();
                }
            }
            else if (key.StartsWith(ElementOrder, StringComparison.Ordinal))
            {
                var field = key[ElementOrder.Length..];
                if (result.GetValueOrDefault(field) is List<object?> list)
                {
                    result[field] = Ordered(list, value, [.. path, field]);
                }
            }
            else if (key.StartsWith('$') && key is not (Directive or RetainKeys))
            {
                throw new PatchFailure(
                    $"'{key}' at {Where(path)} is not a strategic merge directive; the directives are $patch, "
                        + "$retainKeys, $deleteFromPrimitiveList/<field> and $setElementOrder/<field>."
                );
            }
        }
    }

    private static List<string> Strings(object? value, string directive, List<string> path) =>
        value is List<object?> list
            ? list.Select(ObjectIdentity.Scalar).ToList()
            : throw new PatchFailure($"'{directive}' at {Where(path)} must be a list.");

    private static PatchFailure UnknownDirective(object? value, List<string> path) =>
        new(
            $"'$patch: {ObjectIdentity.Scalar(value)}' at {Where(path)} is not a directive; use merge, replace or delete."
        );

    private static string Where(List<string> path) =>
        path.Count == 0 ? "the top of the patch" : string.Join('.', path);
}
