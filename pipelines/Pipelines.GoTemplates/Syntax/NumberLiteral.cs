using System.Globalization;

namespace Pipelines.GoTemplates.Syntax;

/// <summary>
/// Go's untyped numeric constants: integers (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>, and a leading <c>0</c>
/// meaning octal) become <see cref="long"/>; anything with a fraction or exponent becomes <see cref="double"/>.
/// </summary>
internal static class NumberLiteral
{
    public static object Parse(string text)
    {
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (TryParseInteger(plain, out var whole))
        {
            return whole;
        }
        if (
            plain.IndexOfAny(['.', 'e', 'E']) >= 0
            && !plain.Contains('x', StringComparison.OrdinalIgnoreCase)
            && double.TryParse(
                plain,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var real
            )
        )
        {
            return real;
        }
        throw new FormatException(
            plain.All(c => char.IsAsciiDigit(c) || c is '+' or '-')
                ? $"integer overflow or bad octal number: '{text}'"
                : $"illegal number syntax: '{text}'"
        );
    }

    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('+', '-');
        if (text.Length - digits.Length > 1 || digits.Length == 0)
        {
            return false;
        }
        var (numberBase, body) =
            digits.Length > 1 && digits[0] == '0'
                ? char.ToLowerInvariant(digits[1]) switch
                {
                    'x' => (16, digits[2..]),
                    'o' => (8, digits[2..]),
                    'b' => (2, digits[2..]),
                    _ => (8, digits[1..]),
                }
                : (10, digits);
        var allowed = "0123456789abcdef"[..numberBase];
        if (body.Length == 0 || !body.All(c => allowed.Contains(char.ToLowerInvariant(c))))
        {
            return false;
        }
        try
        {
            var magnitude = Convert.ToUInt64(body, numberBase);
            if (magnitude > (negative ? 1UL << 63 : long.MaxValue))
            {
                return false;
            }
            value = negative ? (long)(0UL - magnitude) : (long)magnitude;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
