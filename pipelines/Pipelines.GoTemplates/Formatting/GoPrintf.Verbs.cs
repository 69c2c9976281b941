using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Formatting;

internal static partial class GoPrintf
{
    /// <summary>One argument under one verb; lists and maps apply the verb to each element, as fmt does.</summary>
    private static string Verb(char verb, Spec spec, object? arg)
    {
        if (verb == 'T')
        {
            return GoFormat.TypeName(arg);
        }
        if (verb != 'v' && arg is IReadOnlyDictionary<string, object?> map)
        {
            return GoFormat.Map(map, element => Verb(verb, spec, element));
        }
        if (verb != 'v' && arg is IReadOnlyList<object?> list)
        {
            return GoFormat.List(list, element => Verb(verb, spec, element));
        }
        return (verb, arg) switch
        {
            ('v', double real) => spec.Precision is { } p
                ? GoFloat.Format(real, 'g', p)
                : Signed(GoFloat.Shortest(real), spec),
            ('v', long whole) => Signed(whole.ToString(CultureInfo.InvariantCulture), spec),
            ('v', _) => GoFormat.Value(arg),
            ('s', string text) => spec.Precision is { } p ? Truncate(text, p) : text,
            ('s', Values.IGoObject goObject) => goObject.GoString(),
            ('q', Values.IGoObject goObject) => GoQuote.Quote(goObject.GoString()),
            ('q', string text) => GoQuote.Quote(spec.Precision is { } p ? Truncate(text, p) : text),
            ('q', long whole) => GoQuote.QuoteRune(whole),
            ('t', bool flag) => flag ? "true" : "false",
            ('d', long whole) => Signed(whole.ToString(CultureInfo.InvariantCulture), spec),
            ('c', long whole) => whole is >= 0 and <= 0x10FFFF
                ? char.ConvertFromUtf32((int)whole)
                : "\uFFFD",
            ('x' or 'X', long whole) => Hex(whole, verb, spec),
            ('x' or 'X', string text) => Hex(text, verb),
            ('x' or 'X', double real) => HexFloat(real, verb, spec),
            ('f' or 'F' or 'e' or 'E' or 'g' or 'G', double real) => Signed(
                GoFloat.Format(real, verb, spec.Precision),
                spec
            ),
            _ => Bad(verb, arg),
        };
    }

    private static string Bad(char verb, object? arg) =>
        arg is null
            ? $"%!{verb}(<nil>)"
            : $"%!{verb}({GoFormat.TypeName(arg)}={GoFormat.Value(arg)})";

    private static string Signed(string number, Spec spec) =>
        number.StartsWith('-') || number is "NaN" ? number
        : spec.Plus ? "+" + number
        : spec.Space ? " " + number
        : number;

    private static string Truncate(string text, int runes) =>
        string.Concat(text.EnumerateRunes().Take(runes).Select(r => r.ToString()));

    private static string Hex(long whole, char verb, Spec spec)
    {
        var magnitude = whole < 0 ? (0UL - (ulong)whole) : (ulong)whole;
        var digits = magnitude.ToString(verb == 'x' ? "x" : "X", CultureInfo.InvariantCulture);
        var prefix = spec.Sharp ? (verb == 'x' ? "0x" : "0X") : "";
        return Signed((whole < 0 ? "-" : "") + prefix + digits, spec);
    }

    /// <summary>strconv's 'x' format: <c>0x1.cp+01</c> for 3.5, the mantissa's trailing zeros dropped.</summary>
    private static string HexFloat(double real, char verb, Spec spec)
    {
        if (double.IsNaN(real) || double.IsInfinity(real))
        {
            return Signed(GoFloat.Shortest(real), spec);
        }
        var negative = double.IsNegative(real);
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(real));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        string text;
        if (exponent == 0 && mantissa == 0)
        {
            text = "0x0p+00";
        }
        else
        {
            if (exponent == 0)
            {
                // Subnormal: shift until the implicit leading 1 appears, as strconv normalises.
                exponent = 1;
                while ((mantissa & (1L << 52)) == 0)
                {
                    mantissa <<= 1;
                    exponent--;
                }
                mantissa &= 0xFFFFFFFFFFFFFL;
            }
            exponent -= 1023;
            var fraction = mantissa.ToString("x13", CultureInfo.InvariantCulture).TrimEnd('0');
            text =
                "0x1"
                + (fraction.Length > 0 ? "." + fraction : "")
                + "p"
                + (exponent >= 0 ? "+" : "-")
                + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        text = verb == 'X' ? text.ToUpperInvariant() : text;
        return Signed((negative ? "-" : "") + text, spec);
    }

    private static string Hex(string text, char verb) =>
        Convert.ToHexString(Encoding.UTF8.GetBytes(text)) is var hex && verb == 'x'
            ? hex.ToLowerInvariant()
            : hex;
}
