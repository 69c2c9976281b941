using System.Globalization;

namespace Pipelines.Sync.Diff;

/// <summary>
/// Kubernetes resource quantities (<c>k8s.io/apimachinery/pkg/api/resource.Quantity</c>) read as exact decimals,
/// so that spellings the API server canonicalises compare equal: <c>1000m</c> == <c>1</c>, <c>1Gi</c> ==
/// <c>1024Mi</c>, <c>0.5</c> == <c>500m</c>, <c>1e3</c> == <c>1k</c>.
/// </summary>
/// <remarks>
/// Grammar: an optionally signed decimal (<c>1</c>, <c>1.5</c>, <c>.5</c>, <c>1.</c>) followed by nothing, a decimal SI
/// suffix (<c>n u m k M G T P E</c>), a binary suffix (<c>Ki Mi Gi Ti Pi Ei</c>) or a decimal exponent
/// (<c>e3</c>, <c>E-2</c>; a bare <c>E</c> is exa). Values outside <see cref="decimal"/>'s range are not quantities
/// here, so they fall back to exact text comparison. Parsing works on spans and never allocates.
/// </remarks>
internal static class Quantity
{
    private static readonly decimal[] PowersOfTen = BuildPowersOfTen();

    /// <summary>Reads <paramref name="text"/> as a quantity; false when it does not follow the grammar.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var end = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; end < text.Length; end++)
        {
            if (char.IsAsciiDigit(text[end]))
            {
                digits++;
            }
            else if (text[end] == '.' && !dot)
            {
                dot = true;
            }
            else
            {
                break;
            }
        }
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return digits > 0
            && decimal.TryParse(text[..end], Styles, CultureInfo.InvariantCulture, out var number)
            && TryScale(number, text[end..], out value);
    }

    /// <summary>True when both texts are quantities of the same value.</summary>
    public static bool Equal(string left, string right) =>
        TryParse(left, out var a) && TryParse(right, out var b) && a == b;

    // The SI prefixes in steps of 10^3 from nano to exa; '.' holds the place of 10^0. Binary suffixes are the
    // same letters from K with an 'i', in steps of 2^10: Ki = 2^10 ... Ei = 2^60.
    private const string SiPrefixes = "num.kMGTPE";
    private const string BinaryPrefixes = "KMGTPE";

    private static bool TryScale(decimal number, ReadOnlySpan<char> suffix, out decimal value)
    {
        value = 0;
        if (suffix.IsEmpty)
        {
            value = number;
            return true;
        }
        if (
            suffix.Length == 1
            && suffix[0] != '.'
            && SiPrefixes.IndexOf(suffix[0]) is >= 0 and var si
        )
        {
            return TryTen(number, 3 * (si - 3), out value);
        }
        if (suffix is [var prefix, 'i'] && BinaryPrefixes.IndexOf(prefix) is >= 0 and var binary)
        {
            return TryMultiply(number, 1L << (10 * (binary + 1)), out value);
        }
        return suffix.Length > 1
            && suffix[0] is 'e' or 'E'
            && (char.IsAsciiDigit(suffix[1]) || suffix[1] is '+' or '-')
            && int.TryParse(
                suffix[1..],
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var exponent
            )
            && TryTen(number, exponent, out value);
    }

    private static bool TryTen(decimal number, int exponent, out decimal value)
    {
        value = 0;
        if (exponent < -28 || exponent > 28)
        {
            return number == 0;
        }
        if (exponent < 0)
        {
            value = number / PowersOfTen[-exponent];
            return true;
        }
        return TryMultiply(number, PowersOfTen[exponent], out value);
    }

    private static bool TryMultiply(decimal number, decimal factor, out decimal value)
    {
        // Checked up front: decimal overflow throws, and parsing must stay exception-free.
        value = 0;
        if (Math.Abs(number) > decimal.MaxValue / factor)
        {
            return false;
        }
        value = number * factor;
        return true;
    }

    private static decimal[] BuildPowersOfTen()
    {
        var powers = new decimal[29];
        powers[0] = 1m;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }
        return powers;
    }
}
