using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Values;

/// <summary>How Go's Time.Format writes each layout element.</summary>
internal static class GoTimeFormat
{
    public static void Append(StringBuilder text, LayoutChunk chunk, GoWall wall)
    {
        switch (chunk.Element)
        {
            case LayoutElement.None:
                return;
            case LayoutElement.Year:
                Int(text, wall.Year % 100, 2);
                return;
            case LayoutElement.LongYear:
                Int(text, wall.Year, 4);
                return;
            case LayoutElement.Month:
                text.Append(GoCalendar.Months[wall.Month - 1][..3]);
                return;
            case LayoutElement.LongMonth:
                text.Append(GoCalendar.Months[wall.Month - 1]);
                return;
            case LayoutElement.NumMonth:
                Int(text, wall.Month, 0);
                return;
            case LayoutElement.ZeroMonth:
                Int(text, wall.Month, 2);
                return;
            case LayoutElement.WeekDay:
                text.Append(GoCalendar.Weekdays[wall.Weekday][..3]);
                return;
            case LayoutElement.LongWeekDay:
                text.Append(GoCalendar.Weekdays[wall.Weekday]);
                return;
            case LayoutElement.Day:
                Int(text, wall.Day, 0);
                return;
            case LayoutElement.UnderDay:
                text.Append(wall.Day < 10 ? " " : "");
                Int(text, wall.Day, 0);
                return;
            case LayoutElement.ZeroDay:
                Int(text, wall.Day, 2);
                return;
            case LayoutElement.UnderYearDay:
                text.Append(wall.YearDay < 100 ? " " : "").Append(wall.YearDay < 10 ? " " : "");
                Int(text, wall.YearDay, 0);
                return;
            case LayoutElement.ZeroYearDay:
                Int(text, wall.YearDay, 3);
                return;
            case LayoutElement.Hour:
                Int(text, wall.Hour, 2);
                return;
            case LayoutElement.Hour12:
                Int(text, wall.Hour % 12 == 0 ? 12 : wall.Hour % 12, 0);
                return;
            case LayoutElement.ZeroHour12:
                Int(text, wall.Hour % 12 == 0 ? 12 : wall.Hour % 12, 2);
                return;
            case LayoutElement.Minute:
                Int(text, wall.Minute, 0);
                return;
            case LayoutElement.ZeroMinute:
                Int(text, wall.Minute, 2);
                return;
            case LayoutElement.Second:
                Int(text, wall.Second, 0);
                return;
            case LayoutElement.ZeroSecond:
                Int(text, wall.Second, 2);
                return;
            case LayoutElement.PM:
                text.Append(wall.Hour >= 12 ? "PM" : "AM");
                return;
            case LayoutElement.LowerPM:
                text.Append(wall.Hour >= 12 ? "pm" : "am");
                return;
            case LayoutElement.TZ:
                if (wall.Abbreviation.Length > 0)
                {
                    text.Append(wall.Abbreviation);
                    return;
                }
                var minutes = wall.Offset / 60;
                text.Append(minutes < 0 ? '-' : '+');
                minutes = Math.Abs(minutes);
                Int(text, minutes / 60, 2);
                Int(text, minutes % 60, 2);
                return;
            case LayoutElement.FracSecond0 or LayoutElement.FracSecond9:
                Fraction(text, wall.Nanosecond, chunk);
                return;
            default:
                Offset(text, chunk.Element, wall.Offset);
                return;
        }
    }

    /// <summary>The numeric zone elements; the ISO 8601 ones write <c>Z</c> for UTC.</summary>
    private static void Offset(StringBuilder text, LayoutElement element, int offset)
    {
        var iso =
            element
            is LayoutElement.Iso8601TZ
                or LayoutElement.Iso8601SecondsTZ
                or LayoutElement.Iso8601ShortTZ
                or LayoutElement.Iso8601ColonTZ
                or LayoutElement.Iso8601ColonSecondsTZ;
        if (iso && offset == 0)
        {
            text.Append('Z');
            return;
        }
        var colon =
            element
            is LayoutElement.Iso8601ColonTZ
                or LayoutElement.NumColonTZ
                or LayoutElement.Iso8601ColonSecondsTZ
                or LayoutElement.NumColonSecondsTZ;
        var seconds =
            element
            is LayoutElement.Iso8601SecondsTZ
                or LayoutElement.NumSecondsTZ
                or LayoutElement.Iso8601ColonSecondsTZ
                or LayoutElement.NumColonSecondsTZ;
        var shortForm = element is LayoutElement.NumShortTZ or LayoutElement.Iso8601ShortTZ;
        var minutes = offset / 60;
        text.Append(minutes < 0 ? '-' : '+');
        minutes = Math.Abs(minutes);
        Int(text, minutes / 60, 2);
        if (!shortForm)
        {
            text.Append(colon ? ":" : "");
            Int(text, minutes % 60, 2);
        }
        if (seconds)
        {
            text.Append(colon ? ":" : "");
            Int(text, Math.Abs(offset) % 60, 2);
        }
    }

    /// <summary>.000 keeps every digit; .999 drops trailing zeros, and the separator too when nothing is left.</summary>
    private static void Fraction(StringBuilder text, int nanoseconds, LayoutChunk chunk)
    {
        var digits = nanoseconds.ToString("D9", CultureInfo.InvariantCulture)[
            ..Math.Min(chunk.Digits, 9)
        ];
        if (chunk.Element == LayoutElement.FracSecond9)
        {
            digits = digits.TrimEnd('0');
            if (digits.Length == 0)
            {
                return;
            }
        }
        text.Append(chunk.Separator).Append(digits);
    }

    /// <summary>Go's appendInt: a minus sign, then the digits zero-padded to <paramref name="width"/>.</summary>
    private static void Int(StringBuilder text, long value, int width)
    {
        if (value < 0)
        {
            text.Append('-');
            value = -value;
        }
        text.Append(value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
    }
}
