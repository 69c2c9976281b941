using System.Globalization;
using Pipelines.GoTemplates.Formatting;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's loose conversions (spf13/cast): numbers from anything, unconvertible values becoming 0 rather than an
/// error, and strings from anything through fmt's <c>%v</c>.
/// </summary>
internal static class GoCast
{
    /// <summary>cast.ToInt64: floats truncate, true is 1, strings parse like Go literals ("0x1F", "12.0").</summary>
    public static long ToInt64(object? value) =>
        value switch
        {
            long whole => whole,
            double real when double.IsFinite(real) => (long)Math.Truncate(real),
            bool flag => flag ? 1 : 0,
            string text when NumberLiteral.TryParseInteger(TrimZeroDecimal(text), out var parsed) =>
                parsed,
            _ => 0,
        };

    /// <summary>cast.ToFloat64: strings parse as Go's ParseFloat; anything else unconvertible is 0.</summary>
    public static double ToFloat64(object? value) =>
        value switch
        {
            long whole => whole,
            double real => real,
            bool flag => flag ? 1 : 0,
            string text
                when double.TryParse(
                    text,
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var parsed
                ) => parsed,
            _ => 0,
        };

    /// <summary>sprig's strval: a string as it is, anything else as fmt's %v prints it.</summary>
    public static string ToText(object? value) => value as string ?? GoFormat.Value(value);

    /// <summary>sprig's strslice: list elements as strings with nils dropped; a single value is a one-element list.</summary>
    public static List<string> Strings(object? value) =>
        value switch
        {
            null => [],
            IReadOnlyList<object?> list => list.Where(e => e is not null).Select(ToText).ToList(),
            _ => [ToText(value)],
        };

    /// <summary>cast's trimZeroDecimal: "12.000" counts as the integer 12.</summary>
    private static string TrimZeroDecimal(string text)
    {
        var dot = text.IndexOf('.');
        return dot > 0 && text[(dot + 1)..].All(c => c == '0') ? text[..dot] : text;
    }
}
