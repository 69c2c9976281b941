namespace Pipelines.GoTemplates.Values;

/// <summary>Reads one layout element from the front of a value, as the body of Go's parse loop does.</summary>
internal sealed class GoTimeElementReader(string value, ParsedFields fields, string layoutRest)
{
    /// <summary>The value after the element.</summary>
    public string Rest { get; private set; } = value;

    /// <summary>False when the value does not fit the element; a range name ("month") when it fits but is out of range.</summary>
    public (bool Ok, string? Range) Read(LayoutChunk chunk)
    {
        var v = Rest;
        switch (chunk.Element)
        {
            case LayoutElement.Year:
                if (v.Length < 2 || !Digits(v, 2))
                {
                    return (false, null);
                }
                var year = int.Parse(v[..2]);
                fields.Year = year >= 69 ? year + 1900 : year + 2000;
                Rest = v[2..];
                return (true, null);
            case LayoutElement.LongYear:
                if (v.Length < 4 || !Digits(v, 4))
                {
                    return (false, null);
                }
                fields.Year = int.Parse(v[..4]);
                Rest = v[4..];
                return (true, null);
            case LayoutElement.Month or LayoutElement.LongMonth:
                var month = Lookup(v, GoCalendar.Months, chunk.Element == LayoutElement.Month);
                fields.Month = month + 1;
                return (month >= 0, null);
            case LayoutElement.WeekDay or LayoutElement.LongWeekDay:
                return (
                    Lookup(v, GoCalendar.Weekdays, chunk.Element == LayoutElement.WeekDay) >= 0,
                    null
                );
            case LayoutElement.NumMonth or LayoutElement.ZeroMonth:
                return Number(
                    chunk.Element == LayoutElement.ZeroMonth,
                    n => fields.Month = n,
                    1,
                    12,
                    "month"
                );
            case LayoutElement.Day or LayoutElement.UnderDay or LayoutElement.ZeroDay:
                if (chunk.Element == LayoutElement.UnderDay && v.StartsWith(' '))
                {
                    Rest = v[1..];
                }
                return Number(
                    chunk.Element == LayoutElement.ZeroDay,
                    n => fields.Day = n,
                    0,
                    31,
                    "day"
                );
            case LayoutElement.UnderYearDay or LayoutElement.ZeroYearDay:
                Rest = chunk.Element == LayoutElement.UnderYearDay ? v.TrimStart(' ') : v;
                if (Rest.Length < 3 || !Digits(Rest, 3))
                {
                    return (false, null);
                }
                fields.YearDay = int.Parse(Rest[..3]);
                Rest = Rest[3..];
                return (true, fields.YearDay is < 1 or > 366 ? "day-of-year" : null);
            case LayoutElement.Hour:
                return Number(false, n => fields.Hour = n, 0, 23, "hour");
            case LayoutElement.Hour12 or LayoutElement.ZeroHour12:
                return Number(
                    chunk.Element == LayoutElement.ZeroHour12,
                    n => fields.Hour = n,
                    0,
                    12,
                    "hour"
                );
            case LayoutElement.Minute or LayoutElement.ZeroMinute:
                return Number(
                    chunk.Element == LayoutElement.ZeroMinute,
                    n => fields.Minute = n,
                    0,
                    59,
                    "minute"
                );
            case LayoutElement.Second or LayoutElement.ZeroSecond:
                var read = Number(
                    chunk.Element == LayoutElement.ZeroSecond,
                    n => fields.Second = n,
                    0,
                    59,
                    "second"
                );
                if (read.Ok && read.Range is null)
                {
                    ImplicitFraction();
                }
                return read;
            case LayoutElement.PM or LayoutElement.LowerPM:
                if (v.Length < 2)
                {
                    return (false, null);
                }
                var (pm, am) = chunk.Element == LayoutElement.PM ? ("PM", "AM") : ("pm", "am");
                fields.PmSet = v[..2] == pm;
                fields.AmSet = v[..2] == am;
                Rest = v[2..];
                return (fields.PmSet || fields.AmSet, null);
            case LayoutElement.TZ:
                return ZoneName(v);
            case LayoutElement.FracSecond0:
                if (
                    v.Length < chunk.Digits + 1
                    || v[0] is not ('.' or ',')
                    || !Digits(v[1..], chunk.Digits)
                )
                {
                    return (false, null);
                }
                fields.Nanosecond = Nanoseconds(v[1..(chunk.Digits + 1)]);
                Rest = v[(chunk.Digits + 1)..];
                return (true, null);
            case LayoutElement.FracSecond9:
                if (v.Length < 2 || v[0] is not ('.' or ',') || !char.IsAsciiDigit(v[1]))
                {
                    return (true, null); // Go: a fraction omitted from the value is fine
                }
                var end = 1;
                while (end < v.Length && char.IsAsciiDigit(v[end]))
                {
                    end++;
                }
                fields.Nanosecond = Nanoseconds(v[1..end]);
                Rest = v[end..];
                return (true, null);
            default:
                return GoTimeZoneReader.Offset(v, chunk.Element, fields, out var after)
                    ? Done(after)
                    : (false, null);
        }
    }

    private (bool, string?) Done(string after)
    {
        Rest = after;
        return (true, null);
    }

    /// <summary>Go reads a fraction after the seconds even when the layout has none, unless the layout's next element is one.</summary>
    private void ImplicitFraction()
    {
        var v = Rest;
        if (v.Length < 2 || v[0] is not ('.' or ',') || !char.IsAsciiDigit(v[1]))
        {
            return;
        }
        var next = GoTimeLayout.Next(layoutRest, out _);
        if (
            next.Prefix.Length == 0
            && next.Element is LayoutElement.FracSecond0 or LayoutElement.FracSecond9
        )
        {
            return;
        }
        var end = 1;
        while (end < v.Length && char.IsAsciiDigit(v[end]))
        {
            end++;
        }
        fields.Nanosecond = Nanoseconds(v[1..end]);
        Rest = v[end..];
    }

    private (bool Ok, string? Range) ZoneName(string v)
    {
        if (v.StartsWith("UTC", StringComparison.Ordinal))
        {
            fields.Utc = true;
            return Done(v[3..]);
        }
        var length = GoTimeZoneReader.NameLength(v);
        if (length == 0)
        {
            return (false, null);
        }
        fields.ZoneName = v[..length];
        return Done(v[length..]);
    }

    /// <summary>Go's getnum: one or two digits, exactly two when <paramref name="fixedWidth"/>.</summary>
    private (bool Ok, string? Range) Number(
        bool fixedWidth,
        Action<int> set,
        int min,
        int max,
        string name
    )
    {
        var v = Rest;
        if (v.Length == 0 || !char.IsAsciiDigit(v[0]))
        {
            return (false, null);
        }
        var length = v.Length > 1 && char.IsAsciiDigit(v[1]) ? 2 : 1;
        if (fixedWidth && length == 1)
        {
            return (false, null);
        }
        var number = int.Parse(v[..length]);
        set(number);
        Rest = v[length..];
        return (true, number < min || number > max ? name : null);
    }

    private static int Nanoseconds(string digits)
    {
        digits = digits.Length > 9 ? digits[..9] : digits;
        return int.Parse(digits.PadRight(9, '0'));
    }

    private static bool Digits(string v, int count) =>
        v.Length >= count && v[..count].All(char.IsAsciiDigit);

    /// <summary>Go's lookup: names match case-insensitively; the short forms are the first three letters.</summary>
    private int Lookup(string v, string[] names, bool abbreviated)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var name = abbreviated ? names[i][..3] : names[i];
            if (
                v.Length >= name.Length
                && string.Equals(v[..name.Length], name, StringComparison.OrdinalIgnoreCase)
            )
            {
                Rest = v[name.Length..];
                return i;
            }
        }
        return -1;
    }
}
