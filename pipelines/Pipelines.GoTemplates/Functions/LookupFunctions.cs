using Pipelines.GoTemplates.Execution;
using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// helmfile's get and getOrNil (which replace sprig's get): <c>.Values | get "a.b" "default"</c> walks a dotted
/// path and returns the default when a key is missing; without a default a missing key is an error. As in
/// helmfile, a present key holding null returns null, and walking through a non-map is an error even with a
/// default.
/// </summary>
internal static class LookupFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("get", 2, 3, Get),
            new("getOrNil", 2, 2, GetOrNil),
            new("setValueAtPath", 3, 3, SetValueAtPath),
        ];

    /// <summary>
    /// helmfile's setValueAtPath "a.b" VALUE $map: sets the last key in place (and returns the map); every key
    /// before it must exist and hold a map.
    /// </summary>
    private static object? SetValueAtPath(FunctionCall call)
    {
        var path = call.String(0);
        var keys = path.Split('.');
        var current = call.Map(2);
        foreach (var key in keys[..^1])
        {
            if (!current.TryGetValue(key, out var next))
            {
                throw call.Fail(
                    $"failed to set value at path \"{path}\": value for key \"{key}\" does not exist"
                );
            }
            current =
                next as IReadOnlyDictionary<string, object?>
                ?? throw call.Fail(
                    $"failed to set value at path \"{path}\": value for key \"{key}\" was not a map"
                );
        }
        if (current is not IDictionary<string, object?> target)
        {
            throw call.Fail($"failed to set value at path \"{path}\": this map cannot be changed");
        }
        target[keys[^1]] = call[1];
        return call[2];
    }

    private sealed class NoValueException(string message) : Exception(message);

    private static object? Get(FunctionCall call)
    {
        var hasDefault = call.Count == 3;
        try
        {
            return Lookup(
                call.String(0),
                hasDefault,
                hasDefault ? call[1] : null,
                call[call.Count - 1]
            );
        }
        catch (NoValueException exception)
        {
            throw call.Fail(exception.Message);
        }
    }

    private static object? GetOrNil(FunctionCall call)
    {
        try
        {
            return Lookup(call.String(0), false, null, call[1]);
        }
        catch (NoValueException)
        {
            return null;
        }
    }

    private static object? Lookup(string path, bool hasDefault, object? fallback, object? value)
    {
        if (path.Length == 0)
        {
            return value;
        }
        foreach (var key in path.Split('.'))
        {
            if (value is not IReadOnlyDictionary<string, object?> map)
            {
                throw new NoValueException(
                    $"unexpected type({GoFormat.TypeName(value)}) of value for key \"{key}\" in path \"{path}\": it must be a map"
                );
            }
            if (!map.TryGetValue(key, out value))
            {
                return hasDefault
                    ? fallback
                    : throw new NoValueException(
                        $"no value exist for key \"{key}\" in path \"{path}\" (keys there: {string.Join(", ", map.Keys.Order(StringComparer.Ordinal))})"
                    );
            }
            value = GoValues.Normalize(value);
        }
        return value;
    }
}
