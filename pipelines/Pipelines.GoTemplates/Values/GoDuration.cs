using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Values;

/// <summary>Go's time.Duration as text: String (<c>1h2m3.5s</c>, <c>1.5ms</c>, <c>0s</c>) and ParseDuration.</summary>
internal static class GoDuration
{
    public const long Second = 1_000_000_000;

    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }
        var negative = nanoseconds < 0;
        var u = negative ? (ulong)(-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        var text = new StringBuilder();
        if (u < Second)
        {
            var (precision, unit) =
                u < 1_000 ? (0, "ns")
                : u < 1_000_000 ? (3, "µs")
                : (6, "ms");
            text.Append(Fraction(u, precision, out var whole)).Insert(0, whole).Append(unit);
        }
        else
        {
            var fraction = Fraction(u, 9, out var seconds);
            text.Append(seconds % 60).Append(fraction).Append('s');
            var minutes = seconds / 60;
            if (minutes > 0)
            {
                text.Insert(0, $"{minutes % 60}m");
                var hours = minutes / 60;
                if (hours > 0)
                {
                    text.Insert(0, $"{hours}h");
                }
            }
        }
        return (negative ? "-" : "") + text;
    }

    /// <summary>The fraction below 10^precision as ".5" (trailing zeros and an empty fraction dropped); the rest in <paramref name="whole"/>.</summary>
    private static string Fraction(ulong value, int precision, out ulong whole)
    {
        var scale = (ulong)Math.Pow(10, precision);
        whole = value / scale;
        if (precision == 0)
        {
            return "";
        }
        var digits = (value % scale)
            .ToString(CultureInfo.InvariantCulture)
            .PadLeft(precision, '0')
            .TrimEnd('0');
        return digits.Length == 0 ? "" : "." + digits;
    }

    private static readonly (string Unit, double Nanoseconds)[] Units =
    [
        ("ns", 1),
        ("us", 1e3),
        ("µs", 1e3),
        ("μs", 1e3),
        ("ms", 1e6),
        ("s", 1e9),
        ("m", 60e9),
        ("h", 3600e9),
    ];

    /// <summary>Go's time.ParseDuration: a signed sequence of decimal numbers with units, such as "-1.5h" or "2h45m".</summary>
    public static bool TryParse(string text, out long nanoseconds, out string error)
    {
        nanoseconds = 0;
        error = "";
        var original = text;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text == "0")
        {
            return true;
        }
        if (text.Length == 0)
        {
            error = $"time: invalid duration {Formatting.GoQuote.Quote(original)}";
            return false;
        }
        decimal total = 0;
        while (text.Length > 0)
        {
            var end = 0;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }
            var number = text[..end];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1)
            {
                error = $"time: invalid duration {Formatting.GoQuote.Quote(original)}";
                return false;
            }
            text = text[end..];
            var unitEnd = 0;
            while (
                unitEnd < text.Length && text[unitEnd] != '.' && !char.IsAsciiDigit(text[unitEnd])
            )
            {
                unitEnd++;
            }
            var unit = text[..unitEnd];
            text = text[unitEnd..];
            if (unit.Length == 0)
            {
                error = $"time: missing unit in duration {Formatting.GoQuote.Quote(original)}";
                return false;
            }
            var scale = Units
                .Where(u => u.Unit == unit)
                .Select(u => (decimal?)u.Nanoseconds)
                .FirstOrDefault();
            if (scale is null)
            {
                error =
                    $"time: unknown unit {Formatting.GoQuote.Quote(unit)} in duration {Formatting.GoQuote.Quote(original)}";
                return false;
            }
            total += decimal.Parse("0" + number, CultureInfo.InvariantCulture) * scale.Value;
            if (total > long.MaxValue)
            {
                error = $"time: invalid duration {Formatting.GoQuote.Quote(original)}";
                return false;
            }
        }
        nanoseconds = (long)decimal.Truncate(negative ? -total : total);
        return true;
    }
}
