using System.Text;
using Pipelines.Helmfile.Templates.Syntax;

namespace Pipelines.Helmfile.Templates.Functions;

/// <summary>sprig's int, b64enc and b64dec.</summary>
internal static class ConversionFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("int", 1, 1, call => ToInt(call[0])),
            new(
                "b64enc",
                1,
                1,
                call => Convert.ToBase64String(Encoding.UTF8.GetBytes(call.String(0)))
            ),
            new("b64dec", 1, 1, call => Base64Decode(call.String(0))),
        ];

    /// <summary>
    /// sprig's toInt (spf13/cast): floats truncate, true is 1, strings parse like Go literals ("0x1F", "12.0");
    /// anything unconvertible is 0 rather than an error.
    /// </summary>
    private static long ToInt(object? value) =>
        value switch
        {
            long whole => whole,
            double real when double.IsFinite(real) => (long)Math.Truncate(real),
            bool flag => flag ? 1 : 0,
            string text when NumberLiteral.TryParseInteger(TrimZeroDecimal(text), out var parsed) =>
                parsed,
            _ => 0,
        };

    /// <summary>cast's trimZeroDecimal: "12.000" counts as the integer 12.</summary>
    private static string TrimZeroDecimal(string text)
    {
        var dot = text.IndexOf('.');
        return dot > 0 && text[(dot + 1)..].All(c => c == '0') ? text[..dot] : text;
    }

    /// <summary>sprig returns Go's decode error as the result text instead of failing the render.</summary>
    private static string Base64Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            var bad = text.TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
                .Count();
            return $"illegal base64 data at input byte {bad}";
        }
    }
}
