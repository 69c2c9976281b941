using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Formatting;

/// <summary>
/// How Go's fmt prints plain data with <c>%v</c>: <c>&lt;nil&gt;</c>, <c>true</c>, <c>42</c>, <c>1.5</c>,
/// <c>1e+06</c>, <c>[a b]</c> for lists and <c>map[a:1 b:2]</c> for maps (keys sorted).
/// </summary>
internal static class GoFormat
{
    /// <summary>What <c>{{ value }}</c> writes: like %v, except that nil is <c>&lt;no value&gt;</c> as in text/template.</summary>
    public static string Action(object? value) => value is null ? "<no value>" : Value(value);

    public static string Value(object? value) =>
        value switch
        {
            null => "<nil>",
            string text => text,
            bool flag => flag ? "true" : "false",
            long whole => whole.ToString(CultureInfo.InvariantCulture),
            double real => GoFloat.Shortest(real),
            IReadOnlyDictionary<string, object?> map => Map(map, Value),
            IReadOnlyList<object?> list => List(list, Value),
            Values.IGoObject goObject => goObject.GoString(),
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    /// <summary>fmt.Sprint: a space goes between two operands only when neither is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0 && values[i] is not string && values[i - 1] is not string)
            {
                text.Append(' ');
            }
            text.Append(Value(values[i]));
        }
        return text.ToString();
    }

    /// <summary>fmt.Sprintln: spaces between all operands and a trailing newline.</summary>
    public static string Sprintln(IReadOnlyList<object?> values) =>
        string.Join(' ', values.Select(Value)) + "\n";

    public static string Map(
        IReadOnlyDictionary<string, object?> map,
        Func<object?, string> element
    ) =>
        "map["
        + string.Join(
            ' ',
            map.Keys.Order(StringComparer.Ordinal).Select(key => $"{key}:{element(map[key])}")
        )
        + "]";

    public static string List(IReadOnlyList<object?> list, Func<object?, string> element) =>
        "[" + string.Join(' ', list.Select(element)) + "]";

    /// <summary>The Go type a helmfile value would have, for error messages that match Go's.</summary>
    public static string TypeName(object? value) =>
        value switch
        {
            null => "<nil>",
            string => "string",
            bool => "bool",
            long => "int",
            double => "float64",
            IReadOnlyDictionary<string, object?> => "map[string]interface {}",
            IReadOnlyList<object?> => "[]interface {}",
            Values.IGoObject goObject => goObject.TypeName,
            _ => value.GetType().Name,
        };
}
