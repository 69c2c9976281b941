namespace Pipelines.GoTemplates.Values;

/// <summary>
/// Go's time.ParseInLocation: the value read element by element against the layout, with Go's error texts
/// (<c>parsing time "x" as "2006-01-02": cannot parse "x" as "2006"</c>) and Go's choice of zone: UTC for <c>Z</c>,
/// the default zone when its offset matches, else a fixed zone.
/// </summary>
internal static class GoTimeParse
{
    public static GoTime Parse(string layout, string value, GoZone defaultZone)
    {
        var fields = new ParsedFields();
        var remaining = value;
        var rest = layout;
        while (true)
        {
            var chunk = GoTimeLayout.Next(rest, out var after);
            var stdText = chunk.Text;
            remaining =
                Skip(remaining, chunk.Prefix)
                ?? throw Cannot(layout, value, remaining, chunk.Prefix);
            if (chunk.Element == LayoutElement.None)
            {
                if (remaining.Length > 0)
                {
                    throw new FormatException(
                        $"parsing time {Quote(value)}: extra text: {Quote(remaining)}"
                    );
                }
                break;
            }
            rest = after;
            var element = new GoTimeElementReader(remaining, fields, rest);
            var (ok, range) = element.Read(chunk);
            if (!ok)
            {
                throw Cannot(layout, value, remaining, stdText);
            }
            if (range is not null)
            {
                throw new FormatException($"parsing time {Quote(value)}: {range} out of range");
            }
            remaining = element.Rest;
        }
        return fields.ToTime(layout, value, defaultZone);
    }

    /// <summary>Go's skip: literal text must match, except that a run of spaces matches any run of spaces.</summary>
    private static string? Skip(string value, string prefix)
    {
        while (prefix.Length > 0)
        {
            if (prefix[0] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ')
                {
                    return null;
                }
                prefix = prefix.TrimStart(' ');
                value = value.TrimStart(' ');
                continue;
            }
            if (value.Length == 0 || value[0] != prefix[0])
            {
                return null;
            }
            prefix = prefix[1..];
            value = value[1..];
        }
        return value;
    }

    private static FormatException Cannot(
        string layout,
        string value,
        string valueElement,
        string layoutElement
    ) =>
        new(
            $"parsing time {Quote(value)} as {Quote(layout)}: cannot parse {Quote(valueElement)} as {Quote(layoutElement)}"
        );

    public static string Quote(string text) => Formatting.GoQuote.Quote(text);
}

/// <summary>What a parse has read so far; Go's defaults are year 0, January 1, midnight.</summary>
internal sealed class ParsedFields
{
    public long Year { get; set; }
    public int Month { get; set; } = -1;
    public int Day { get; set; } = -1;
    public int YearDay { get; set; } = -1;
    public int Hour { get; set; }
    public int Minute { get; set; }
    public int Second { get; set; }
    public int Nanosecond { get; set; }
    public bool PmSet { get; set; }
    public bool AmSet { get; set; }
    public bool Utc { get; set; }
    public int? ZoneOffset { get; set; }
    public string ZoneName { get; set; } = "";

    public GoTime ToTime(string layout, string value, GoZone defaultZone)
    {
        if (PmSet && Hour < 12)
        {
            Hour += 12;
        }
        else if (AmSet && Hour == 12)
        {
            Hour = 0;
        }
        if (YearDay >= 0)
        {
            var (_, month, day) = GoCalendar.CivilFromDays(
                GoCalendar.DaysFromCivil(Year, 1, 1) + YearDay - 1
            );
            if ((Month >= 0 && Month != month) || (Day >= 0 && Day != day))
            {
                throw new FormatException(
                    $"parsing time {GoTimeParse.Quote(value)}: day-of-year does not match month or day"
                );
            }
            (Month, Day) = (month, day);
        }
        Month = Month < 0 ? 1 : Month;
        Day = Day < 0 ? 1 : Day;
        if (Day < 1 || Day > GoCalendar.DaysIn(Month, Year))
        {
            throw new FormatException($"parsing time {GoTimeParse.Quote(value)}: day out of range");
        }
        var wall =
            GoCalendar.DaysFromCivil(Year, Month, Day) * 86400 + Hour * 3600 + Minute * 60 + Second;
        if (Utc)
        {
            return new GoTime(wall, Nanosecond, GoZone.Utc);
        }
        if (ZoneOffset is { } offset)
        {
            var unix = wall - offset;
            var (localOffset, localName) = defaultZone.At(unix);
            return localOffset == offset && (ZoneName.Length == 0 || localName == ZoneName)
                ? new GoTime(unix, Nanosecond, defaultZone)
                : new GoTime(unix, Nanosecond, GoZone.Fixed(ZoneName, offset));
        }
        if (ZoneName.Length > 0)
        {
            if (defaultZone.OffsetOf(ZoneName, wall) is { } known)
            {
                return new GoTime(wall - known, Nanosecond, defaultZone);
            }
            var guessed =
                ZoneName.Length > 3 && ZoneName.StartsWith("GMT", StringComparison.Ordinal)
                    ? int.Parse(ZoneName[3..], System.Globalization.CultureInfo.InvariantCulture)
                        * 3600
                    : 0;
            return new GoTime(wall - guessed, Nanosecond, GoZone.Fixed(ZoneName, guessed));
        }
        return new GoTime(defaultZone.ToUnix(wall), Nanosecond, defaultZone);
    }
}
