using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Functions;

/// <summary>sprig's number conversions and base64/base32 encodings.</summary>
internal static class ConversionFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("int", 1, 1, call => GoCast.ToInt64(call[0])),
            new(
                "b64enc",
                1,
                1,
                call => Convert.ToBase64String(Encoding.UTF8.GetBytes(call.String(0)))
            ),
            new("b64dec", 1, 1, call => Base64Decode(call.String(0))),
            new("int64", 1, 1, call => GoCast.ToInt64(call[0])),
            new("float64", 1, 1, call => GoCast.ToFloat64(call[0])),
            new("atoi", 1, 1, call => Atoi(call.String(0))),
            new("toDecimal", 1, 1, call => ToDecimal(call[0])),
            new("b32enc", 1, 1, call => Base32.Encode(Encoding.UTF8.GetBytes(call.String(0)))),
            new("b32dec", 1, 1, call => Base32.Decode(call.String(0))),
        ];

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

    /// <summary>strconv.Atoi with the error ignored, as sprig does: anything but a plain decimal integer is 0.</summary>
    private static long Atoi(string text) =>
        long.TryParse(
            text,
            NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture,
            out var value
        )
            ? value
            : 0;

    /// <summary>sprig's toDecimal reads a Unix permission-style octal number ("0777" is 511); otherwise 0.</summary>
    private static long ToDecimal(object? value)
    {
        var text = GoCast.ToText(value);
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || digits.Any(c => c is < '0' or > '7'))
        {
            return 0;
        }
        try
        {
            var result = Convert.ToInt64(digits, 8);
            return text.StartsWith('-') ? -result : result;
        }
        catch (OverflowException)
        {
            return 0;
        }
    }
}
