using System.Collections.Concurrent;

namespace Pipelines.GoTemplates.Values;

/// <summary>
/// A Go <c>*time.Location</c>: UTC, Local, an IANA zone (offsets from <see cref="TimeZoneInfo"/>, abbreviations from
/// the tzdata file Go itself would read) or a fixed offset with a name (possibly empty, printed as <c>-0700</c>).
/// </summary>
internal sealed class GoZone
{
    private const string ZoneInfo = "/usr/share/zoneinfo";
    private static readonly ConcurrentDictionary<string, GoZone> Loaded = new(
        StringComparer.Ordinal
    );

    private readonly TimeZoneInfo? _zone;
    private readonly int _fixedOffset;
    private readonly TzifNames? _names;

    private GoZone(string name, TimeZoneInfo? zone, int fixedOffset, TzifNames? names)
    {
        Name = name;
        _zone = zone;
        _fixedOffset = fixedOffset;
        _names = names;
    }

    /// <summary>The location's name, as Go's Location.String: <c>UTC</c>, <c>Local</c>, <c>Europe/Berlin</c>.</summary>
    public string Name { get; }

    public static GoZone Utc { get; } = new("UTC", null, 0, null);

    public static GoZone Local => Loaded.GetOrAdd("Local", _ => CreateLocal());

    public static GoZone Fixed(string name, int offsetSeconds) =>
        new(name, null, offsetSeconds, null);

    /// <summary>Go's time.LoadLocation: "" and "UTC" are UTC, "Local" is the machine's zone, others are IANA names.</summary>
    public static GoZone Load(string name)
    {
        switch (name)
        {
            case "" or "UTC":
                return Utc;
            case "Local":
                return Local;
        }
        if (
            name.Contains("..", StringComparison.Ordinal)
            || name.StartsWith('/')
            || name.Contains('\\')
        )
        {
            throw new ArgumentException($"time: invalid location name \"{name}\"");
        }
        return Loaded.GetOrAdd(
            name,
            zone =>
            {
                try
                {
                    return new GoZone(
                        zone,
                        TimeZoneInfo.FindSystemTimeZoneById(zone),
                        0,
                        TzifNames.Read(Path.Combine(ZoneInfo, zone))
                    );
                }
                catch (Exception exception)
                    when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    throw new ArgumentException(
                        $"unknown time zone {zone}: use an IANA name such as UTC, Europe/Berlin or America/New_York"
                    );
                }
            }
        );
    }

    /// <summary>The offset east of UTC in seconds, and the abbreviation ("" when the zone has none).</summary>
    public (int Offset, string Abbreviation) At(long unixSeconds)
    {
        if (_zone is null)
        {
            return (_fixedOffset, Name);
        }
        var instant = ToDateTime(unixSeconds);
        var offset = (int)_zone.GetUtcOffset(instant).TotalSeconds;
        var name = _names?.NameAt(unixSeconds, offset, _zone.IsDaylightSavingTime(instant));
        return (offset, name ?? "");
    }

    /// <summary>The offset of the zone abbreviation <paramref name="abbreviation"/> around the time, if the zone has one.</summary>
    public int? OffsetOf(string abbreviation, long unixSeconds) =>
        _zone is null
            ? (abbreviation == Name ? _fixedOffset : null)
            : _names?.OffsetOf(abbreviation, unixSeconds);

    /// <summary>
    /// Seconds since the epoch of a wall-clock time in this zone, as Go's time.Date picks the offset: the one in
    /// effect at the wall time read as UTC, corrected once when that lands across a transition.
    /// </summary>
    public long ToUnix(long wallSeconds)
    {
        var offset = At(wallSeconds).Offset;
        if (offset == 0)
        {
            return wallSeconds;
        }
        var corrected = At(wallSeconds - offset).Offset;
        return wallSeconds - corrected;
    }

    private static DateTime ToDateTime(long unixSeconds)
    {
        // Outside DateTime's range the nearest representable instant gives the zone's rule for it.
        var clamped = Math.Clamp(unixSeconds, -62135596800L, 253402300799L);
        return DateTime.UnixEpoch.AddSeconds(clamped);
    }

    private static GoZone CreateLocal()
    {
        var variable = Environment.GetEnvironmentVariable("TZ");
        if (variable is "" or "UTC")
        {
            return Fixed("UTC", 0);
        }
        var file = variable is null
            ? "/etc/localtime"
            : Path.Combine(ZoneInfo, variable.TrimStart(':'));
        return new GoZone("Local", TimeZoneInfo.Local, 0, TzifNames.Read(file));
    }
}
