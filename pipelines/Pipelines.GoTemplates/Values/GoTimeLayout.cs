using System.Text;

namespace Pipelines.GoTemplates.Values;

/// <summary>The elements of Go's reference time that a layout can hold (Go's std* constants).</summary>
internal enum LayoutElement
{
    None,
    LongMonth, // January
    Month, // Jan
    NumMonth, // 1
    ZeroMonth, // 01
    LongWeekDay, // Monday
    WeekDay, // Mon
    Day, // 2
    UnderDay, // _2
    ZeroDay, // 02
    UnderYearDay, // __2
    ZeroYearDay, // 002
    Hour, // 15
    Hour12, // 3
    ZeroHour12, // 03
    Minute, // 4
    ZeroMinute, // 04
    Second, // 5
    ZeroSecond, // 05
    LongYear, // 2006
    Year, // 06
    PM, // PM
    LowerPM, // pm
    TZ, // MST
    Iso8601TZ, // Z0700
    Iso8601SecondsTZ, // Z070000
    Iso8601ShortTZ, // Z07
    Iso8601ColonTZ, // Z07:00
    Iso8601ColonSecondsTZ, // Z07:00:00
    NumTZ, // -0700
    NumSecondsTZ, // -070000
    NumShortTZ, // -07
    NumColonTZ, // -07:00
    NumColonSecondsTZ, // -07:00:00
    FracSecond0, // .0, .00, ... trailing zeros kept
    FracSecond9, // .9, .99, ... trailing zeros dropped
}

/// <summary>One piece of a layout: literal text, then an element (with its digit count and separator for fractions).</summary>
internal readonly record struct LayoutChunk(
    string Prefix,
    LayoutElement Element,
    int Digits,
    char Separator,
    string Text
);

/// <summary>
/// Go's layouts (<c>2006-01-02 15:04:05 MST</c>): splitting one into literal text and reference-time elements exactly as
/// Go's nextStdChunk does, and formatting a <see cref="GoTime"/> with it.
/// </summary>
internal static class GoTimeLayout
{
    /// <summary>The layout split into chunks; the last one may have no element.</summary>
    public static List<LayoutChunk> Split(string layout)
    {
        var chunks = new List<LayoutChunk>();
        while (layout.Length > 0)
        {
            var chunk = Next(layout, out var rest);
            chunks.Add(chunk);
            layout = rest;
        }
        return chunks;
    }

    /// <summary>Whether the layout holds any element of the reference time (one without any prints only itself).</summary>
    public static bool HasElement(string layout) =>
        Split(layout).Any(c => c.Element != LayoutElement.None);

    public static LayoutChunk Next(string layout, out string rest)
    {
        for (var i = 0; i < layout.Length; i++)
        {
            var (element, length, digits, separator) = ElementAt(layout, i);
            if (element != LayoutElement.None)
            {
                // "_2006" is a literal underscore followed by the year.
                var start = element == LayoutElement.LongYear && layout[i] == '_' ? i + 1 : i;
                rest = layout[(i + length)..];
                return new LayoutChunk(
                    layout[..start],
                    element,
                    digits,
                    separator,
                    layout[start..(i + length)]
                );
            }
        }
        rest = "";
        return new LayoutChunk(layout, LayoutElement.None, 0, '.', "");
    }

    private static (LayoutElement, int, int, char) ElementAt(string s, int i)
    {
        bool At(string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
        bool LowerAfter(int n) => i + n < s.Length && s[i + n] is >= 'a' and <= 'z';
        switch (s[i])
        {
            case 'J' when At("January"):
                return (LayoutElement.LongMonth, 7, 0, '.');
            case 'J' when At("Jan") && !LowerAfter(3):
                return (LayoutElement.Month, 3, 0, '.');
            case 'M' when At("Monday"):
                return (LayoutElement.LongWeekDay, 6, 0, '.');
            case 'M' when At("Mon") && !LowerAfter(3):
                return (LayoutElement.WeekDay, 3, 0, '.');
            case 'M' when At("MST"):
                return (LayoutElement.TZ, 3, 0, '.');
            case '0' when i + 1 < s.Length && s[i + 1] is >= '1' and <= '6':
                LayoutElement[] zeros =
                [
                    LayoutElement.ZeroMonth,
                    LayoutElement.ZeroDay,
                    LayoutElement.ZeroHour12,
                    LayoutElement.ZeroMinute,
                    LayoutElement.ZeroSecond,
                    LayoutElement.Year,
                ];
                return (zeros[s[i + 1] - '1'], 2, 0, '.');
            case '0' when At("002"):
                return (LayoutElement.ZeroYearDay, 3, 0, '.');
            case '1':
                return At("15")
                    ? (LayoutElement.Hour, 2, 0, '.')
                    : (LayoutElement.NumMonth, 1, 0, '.');
            case '2':
                return At("2006")
                    ? (LayoutElement.LongYear, 4, 0, '.')
                    : (LayoutElement.Day, 1, 0, '.');
            case '_' when At("_2006"):
                return (LayoutElement.LongYear, 5, 0, '.');
            case '_' when At("_2"):
                return (LayoutElement.UnderDay, 2, 0, '.');
            case '_' when At("__2"):
                return (LayoutElement.UnderYearDay, 3, 0, '.');
            case '3':
                return (LayoutElement.Hour12, 1, 0, '.');
            case '4':
                return (LayoutElement.Minute, 1, 0, '.');
            case '5':
                return (LayoutElement.Second, 1, 0, '.');
            case 'P' when At("PM"):
                return (LayoutElement.PM, 2, 0, '.');
            case 'p' when At("pm"):
                return (LayoutElement.LowerPM, 2, 0, '.');
            case '-':
                return At("-070000") ? (LayoutElement.NumSecondsTZ, 7, 0, '.')
                    : At("-07:00:00") ? (LayoutElement.NumColonSecondsTZ, 9, 0, '.')
                    : At("-0700") ? (LayoutElement.NumTZ, 5, 0, '.')
                    : At("-07:00") ? (LayoutElement.NumColonTZ, 6, 0, '.')
                    : At("-07") ? (LayoutElement.NumShortTZ, 3, 0, '.')
                    : (LayoutElement.None, 0, 0, '.');
            case 'Z':
                return At("Z070000") ? (LayoutElement.Iso8601SecondsTZ, 7, 0, '.')
                    : At("Z07:00:00") ? (LayoutElement.Iso8601ColonSecondsTZ, 9, 0, '.')
                    : At("Z0700") ? (LayoutElement.Iso8601TZ, 5, 0, '.')
                    : At("Z07:00") ? (LayoutElement.Iso8601ColonTZ, 6, 0, '.')
                    : At("Z07") ? (LayoutElement.Iso8601ShortTZ, 3, 0, '.')
                    : (LayoutElement.None, 0, 0, '.');
            case '.' or ',' when i + 1 < s.Length && s[i + 1] is '0' or '9':
                var digit = s[i + 1];
                var end = i + 1;
                while (end < s.Length && s[end] == digit)
                {
                    end++;
                }
                // Only a fraction when the run of digits ends here ("05.000" yes, ".0001" no).
                if (end < s.Length && char.IsAsciiDigit(s[end]))
                {
                    break;
                }
                var kind = digit == '0' ? LayoutElement.FracSecond0 : LayoutElement.FracSecond9;
                return (kind, end - i, end - i - 1, s[i]);
        }
        return (LayoutElement.None, 0, 0, '.');
    }

    /// <summary>Go's Time.Format.</summary>
    public static string Format(GoTime time, string layout)
    {
        var wall = time.Wall;
        var text = new StringBuilder();
        foreach (var chunk in Split(layout))
        {
            text.Append(chunk.Prefix);
            GoTimeFormat.Append(text, chunk, wall);
        }
        return text.ToString();
    }
}
