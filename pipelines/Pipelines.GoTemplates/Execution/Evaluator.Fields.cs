using Pipelines.GoTemplates.Formatting;
using Pipelines.GoTemplates.Functions;
using Pipelines.GoTemplates.Syntax;
using Pipelines.GoTemplates.Values;

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
                IGoObject goObject => Method(goObject, name, [], node),
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

    /// <summary>
    /// A command whose first word is a field chain ending in a method of a Go object (<c>$t.Format "2006"</c>):
    /// Go calls that method with the command's other arguments. False when the chain ends at anything else.
    /// </summary>
    private bool TryMethodCommand(
        Node first,
        CommandNode command,
        object? dot,
        bool hasFinal,
        object? final,
        out object? result
    )
    {
        result = null;
        var (receiver, names) = first switch
        {
            FieldNode field => (dot, field.Names),
            VariableNode { Fields.Count: > 0 } variable => (Variable(variable), variable.Fields),
            ChainNode chain => (Argument(chain.Target, dot), chain.Fields),
            _ => (null, (IReadOnlyList<string>)[]),
        };
        if (names.Count == 0)
        {
            return false;
        }
        if (Fields(receiver, first, names.Take(names.Count - 1).ToList()) is not IGoObject target)
        {
            return false;
        }
        var arguments = command.Arguments.Skip(1).Select(a => Argument(a, dot)).ToList();
        if (hasFinal)
        {
            arguments.Add(final);
        }
        result = Method(target, names[^1], arguments, first);
        return true;
    }

    private object? Method(
        IGoObject target,
        string name,
        IReadOnlyList<object?> arguments,
        Node node
    )
    {
        try
        {
            if (target.TryCall(name, arguments, out var result))
            {
                return GoValues.Normalize(result);
            }
        }
        catch (TemplateFunctionException exception)
        {
            throw Error(node, $"error calling {name}: {exception.Message}");
        }
        throw Error(
            node,
            $"can't evaluate field {name} in type {target.TypeName}; its methods are {string.Join(", ", target.Methods)}"
        );
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
