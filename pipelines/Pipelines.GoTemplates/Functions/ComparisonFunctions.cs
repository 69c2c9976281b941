using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// Go's eq, ne, lt, le, gt, ge. Like Go, an int never equals a float (comparing them is an error), nil equals
/// only nil, and lists or maps cannot be compared. <c>eq a b c</c> is true when a equals b or c.
/// </summary>
internal static class ComparisonFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new(
                "eq",
                2,
                null,
                call => call.Arguments.Skip(1).Any(other => Equal(call, call[0], other))
            ),
            new("ne", 2, 2, call => !Equal(call, call[0], call[1])),
            new("lt", 2, 2, call => Less(call, call[0], call[1])),
            new("le", 2, 2, call => Less(call, call[0], call[1]) || Equal(call, call[0], call[1])),
            new(
                "gt",
                2,
                2,
                call => !(Less(call, call[0], call[1]) || Equal(call, call[0], call[1]))
            ),
            new("ge", 2, 2, call => !Less(call, call[0], call[1])),
        ];

    private static bool Equal(FunctionCall call, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }
        if (Kind(left) != Kind(right))
        {
            throw Incompatible(call, left, right);
        }
        return left switch
        {
            string or bool or long or double => left.Equals(right),
            _ => throw call.Fail(
                $"non-comparable types {GoFormat.TypeName(left)} and {GoFormat.TypeName(right)}"
            ),
        };
    }

    private static bool Less(FunctionCall call, object? left, object? right)
    {
        if (left is not (string or long or double) || right is not (string or long or double))
        {
            throw call.Fail(
                $"invalid type for comparison: {GoFormat.TypeName(left)} and {GoFormat.TypeName(right)}"
            );
        }
        if (Kind(left) != Kind(right))
        {
            throw Incompatible(call, left, right);
        }
        return left switch
        {
            string text => string.CompareOrdinal(text, (string)right) < 0,
            long whole => whole < (long)right,
            _ => (double)left < (double)right,
        };
    }

    private static string Kind(object value) => GoFormat.TypeName(value);

    private static TemplateFunctionException Incompatible(
        FunctionCall call,
        object left,
        object right
    ) =>
        call.Fail(
            $"incompatible types for comparison: {GoFormat.TypeName(left)} and {GoFormat.TypeName(right)}"
                + (
                    left is long or double && right is long or double
                        ? " (in Go templates an int never equals a float64: write 1 or 1.0 to match the value)"
                        : ""
                )
        );
}
