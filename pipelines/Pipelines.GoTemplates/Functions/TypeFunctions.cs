using Pipelines.GoTemplates.Execution;
using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's type reflection, answering with the Go types plain data has: <c>string</c>, <c>int</c>,
/// <c>float64</c>, <c>bool</c>, <c>map[string]interface {}</c>, <c>[]interface {}</c>; kinds are <c>map</c>,
/// <c>slice</c> and so on, and nil's kind is <c>invalid</c>. Integers are always <c>int</c> here (Go would say
/// int64 for the results of sprig's math).
/// </summary>
internal static class TypeFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("typeOf", 1, 1, call => GoFormat.TypeName(call[0])),
            new("typeIs", 2, 2, call => call.String(0) == GoFormat.TypeName(call[1])),
            new("typeIsLike", 2, 2, TypeIsLike),
            new("kindOf", 1, 1, call => Kind(call[0])),
            new("kindIs", 2, 2, call => call.String(0) == Kind(call[1])),
            new("deepEqual", 2, 2, call => GoValues.DeepEqual(call[0], call[1])),
            new("fail", 1, 1, call => throw call.Fail(call.String(0))),
        ];

    /// <summary>typeIsLike also accepts the pointer type's name (<c>*string</c>).</summary>
    private static object? TypeIsLike(FunctionCall call)
    {
        var type = GoFormat.TypeName(call[1]);
        return call.String(0) == type || call.String(0) == "*" + type;
    }

    public static string Kind(object? value) =>
        value switch
        {
            null => "invalid",
            IReadOnlyDictionary<string, object?> => "map",
            IReadOnlyList<object?> => "slice",
            _ => GoFormat.TypeName(value),
        };
}
