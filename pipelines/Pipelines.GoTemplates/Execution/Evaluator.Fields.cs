using Pipelines.GoTemplates.Formatting;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Follows <paramref name="names"/> from <paramref name="receiver"/>. helmfile renders with
    /// missingkey=error, so a missing key fails (naming it, where it was looked up, and the keys that exist),
    /// and so does reading a field of null or of a non-map.
    /// </summary>
    private object? Fields(object? receiver, Node node, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var from = NodePrinter.Prefix(node, i);
            receiver = receiver switch
            {
                IReadOnlyDictionary<string, object?> map => map.TryGetValue(name, out var found)
                    ? GoValues.Normalize(found)
                    : throw Error(node, MissingKey(map, name, from)),
                null => throw Error(
                    node,
                    $"nil pointer evaluating interface {{}}.{name}: {from} is null, so it has no field '{name}'"
                ),
                _ => throw Error(
                    node,
                    $"can't evaluate field {name} in type {GoFormat.TypeName(receiver)}: {from} is not a map"
                ),
            };
        }
        return receiver;
    }

    private static string MissingKey(
        IReadOnlyDictionary<string, object?> map,
        string name,
        string from
    )
    {
        var keys =
            map.Count == 0
                ? "it is empty"
                : "keys there: " + string.Join(", ", map.Keys.Order(StringComparer.Ordinal));
        return $"map has no entry for key \"{name}\" in {from} ({keys}); for an optional key write: {from} | get \"{name}\" \"<default>\"";
    }
}
