using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Formatting;

/// <summary>
/// float64 formatting as Go's strconv/fmt do it: <c>%v</c> is the shortest round-tripping <c>%g</c>, which
/// switches to exponent form below 1e-4 and from 1e+06 up (so 1000000.0 prints as <c>1e+06</c>), with at least
/// two exponent digits.
/// </summary>
internal static class GoFloat
{
    public static string Shortest(double value) =>
        Special(value)
        ?? FormatG(Decompose(value.ToString("R", CultureInfo.InvariantCulture)), null);

    /// <summary><c>%e</c>, <c>%f</c> or <c>%g</c> with an optional precision (Go's default for e and f is 6).</summary>
    public static string Format(double value, char verb, int? precision)
    {
        if (Special(value) is { } special)
        {
            return special;
        }
        var invariant = CultureInfo.InvariantCulture;
        var text = char.ToLowerInvariant(verb) switch
        {
            'f' => value.ToString("F" + (precision ?? 6), invariant),
            'e' => FormatE(
                Decompose(value.ToString("E" + (precision ?? 6), invariant)),
                precision ?? 6
            ),
            _ when precision is null => Shortest(value),
            _ => FormatG(
                Decompose(value.ToString("E" + Math.Max(precision.Value - 1, 0), invariant)),
                Math.Max(precision.Value, 1)
            ),
        };
        return char.IsUpper(verb) ? text.ToUpperInvariant() : text;
    }

    /// <summary>
    /// encoding/json's float: shortest digits in fixed notation, or exponent notation (<c>1e-7</c>, <c>1e+21</c>,
    /// with no exponent padding) below 1e-6 and from 1e21 up. NaN and infinities have no JSON form: null.
    /// </summary>
    public static string? Json(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }
        var d = Decompose(value.ToString("R", CultureInfo.InvariantCulture));
        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var text = FormatE(d, d.Digits.Length - 1);
            var e = text.IndexOf('e');
            return text[..(e + 2)] + text[(e + 2)..].TrimStart('0');
        }
        return d.Digits.Length == 0
            ? (d.Negative ? "-0" : "0")
            : FormatF(d, Math.Max(d.Digits.Length - d.Point, 0));
    }

    private static string? Special(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : null;

    /// <summary>Significant digits without trailing zeros and the decimal point position: value = 0.digits × 10^point.</summary>
    private sealed record Decimal(bool Negative, string Digits, int Point);

    private static Decimal Decompose(string text)
    {
        var negative = text.StartsWith('-');
        var body = text.TrimStart('-');
        var exponentAt = body.IndexOfAny(['E', 'e']);
        var exponent =
            exponentAt < 0 ? 0 : int.Parse(body[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var dot = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return digits.Length == 0
            ? new Decimal(negative, "", 0)
            : new Decimal(negative, digits, point - leading);
    }

    /// <summary>Go's %g: exponent form when the exponent is below -4 or at least the precision (6 when shortest).</summary>
    private static string FormatG(Decimal d, int? precision)
    {
        if (d.Digits.Length == 0)
        {
            return d.Negative ? "-0" : "0";
        }
        var eprec = precision ?? 6;
        if (precision is { } p && p > d.Digits.Length && d.Digits.Length >= d.Point)
        {
            eprec = d.Digits.Length;
        }
        var exponent = d.Point - 1;
        if (exponent < -4 || exponent >= eprec)
        {
            return FormatE(d, d.Digits.Length - 1);
        }
        return FormatF(d, Math.Max(d.Digits.Length - d.Point, 0));
    }

    private static string FormatE(Decimal d, int fraction)
    {
        var digits = d.Digits.Length == 0 ? "0" : d.Digits;
        var exponent = d.Digits.Length == 0 ? 0 : d.Point - 1;
        var text = new StringBuilder(d.Negative ? "-" : "");
        text.Append(digits[0]);
        if (fraction > 0)
        {
            text.Append('.').Append(digits.PadRight(fraction + 1, '0')[1..(fraction + 1)]);
        }
        text.Append('e').Append(exponent < 0 ? '-' : '+');
        return text.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture))
            .ToString();
    }

    private static string FormatF(Decimal d, int fraction)
    {
        var text = new StringBuilder(d.Negative ? "-" : "");
        text.Append(d.Point > 0 ? d.Digits.PadRight(d.Point, '0')[..d.Point] : "0");
        if (fraction > 0)
        {
            text.Append('.');
            for (var i = 0; i < fraction; i++)
            {
                var at = d.Point + i;
                text.Append(at >= 0 && at < d.Digits.Length ? d.Digits[at] : '0');
            }
        }
        return text.ToString();
    }
}
