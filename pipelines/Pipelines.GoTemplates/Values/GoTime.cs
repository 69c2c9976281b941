using System.Diagnostics;
using Pipelines.GoTemplates.Formatting;
using Pipelines.GoTemplates.Functions;

namespace Pipelines.GoTemplates.Values;

/// <summary>
/// A Go <c>time.Time</c>: an instant (seconds and nanoseconds since the epoch), the location it is shown in, and,
/// for <c>now</c>, the monotonic clock reading Go prints as <c>m=+0.001</c>. Printed as Go prints it:
/// <c>2024-01-02 15:04:05.5 +0100 CET</c>.
/// </summary>
internal sealed record GoTime(
    long UnixSeconds,
    int Nanoseconds,
    GoZone Zone,
    long? Monotonic = null
) : IGoObject
{
    public const string StringLayout = "2006-01-02 15:04:05.999999999 -0700 MST";
    public const string Rfc3339Nano = "2006-01-02T15:04:05.999999999Z07:00";

    private static readonly DateTime ProcessStart = Process
        .GetCurrentProcess()
        .StartTime.ToUniversalTime();

    /// <summary>Go's zero time.Time{}: January 1, year 1, 00:00:00 UTC.</summary>
    public static GoTime Zero { get; } = new(-62135596800L, 0, GoZone.Utc);

    public static GoTime Now()
    {
        var now = DateTime.UtcNow;
        var ticks = now.Ticks - DateTime.UnixEpoch.Ticks;
        return new GoTime(
            ticks / TimeSpan.TicksPerSecond,
            (int)(ticks % TimeSpan.TicksPerSecond * 100),
            GoZone.Local,
            (now - ProcessStart).Ticks * 100
        );
    }

    /// <summary>Go's time.Unix(seconds, 0), in the Local zone.</summary>
    public static GoTime Unix(long seconds) => new(seconds, 0, GoZone.Local);

    /// <summary>The wall clock in this time's zone.</summary>
    public GoWall Wall
    {
        get
        {
            var (offset, abbreviation) = Zone.At(UnixSeconds);
            var local = UnixSeconds + offset;
            var days = GoCalendar.FloorDiv(local, 86400);
            var second = (int)(local - days * 86400);
            var (year, month, day) = GoCalendar.CivilFromDays(days);
            return new GoWall(
                year,
                month,
                day,
                second / 3600,
                second / 60 % 60,
                second % 60,
                Nanoseconds,
                GoCalendar.Weekday(days),
                (int)(days - GoCalendar.DaysFromCivil(year, 1, 1)) + 1,
                offset,
                abbreviation
            );
        }
    }

    /// <summary>t.Add(d): keeps the monotonic reading, as Go does.</summary>
    public GoTime Add(long nanoseconds)
    {
        var total = Nanoseconds + nanoseconds % 1_000_000_000;
        var seconds =
            UnixSeconds + nanoseconds / 1_000_000_000 + GoCalendar.FloorDiv(total, 1_000_000_000);
        return this with
        {
            UnixSeconds = seconds,
            Nanoseconds = (int)(total - GoCalendar.FloorDiv(total, 1_000_000_000) * 1_000_000_000),
            Monotonic = Monotonic + nanoseconds,
        };
    }

    /// <summary>t.In, t.UTC, t.Local: another zone, and no monotonic reading (Go strips it).</summary>
    public GoTime In(GoZone zone) => this with { Zone = zone, Monotonic = null };

    /// <summary>t.Sub(u) in nanoseconds, saturating as Go's Duration does.</summary>
    public long Since(GoTime earlier)
    {
        var seconds = (decimal)UnixSeconds - earlier.UnixSeconds;
        var nanoseconds = seconds * 1_000_000_000m + Nanoseconds - earlier.Nanoseconds;
        return (long)Math.Clamp(nanoseconds, long.MinValue, long.MaxValue);
    }

    public string TypeName => "time.Time";

    public IReadOnlyList<string> Methods => GoTimeMethods.Names;

    public string GoString() => GoTimeLayout.Format(this, StringLayout) + MonotonicText();

    public string JsonText() => "\"" + GoTimeLayout.Format(this, Rfc3339Nano) + "\"";

    public bool TryCall(string method, IReadOnlyList<object?> arguments, out object? result) =>
        GoTimeMethods.TryCall(this, method, arguments, out result);

    public override string ToString() => GoString();

    private string MonotonicText()
    {
        if (Monotonic is not { } reading)
        {
            return "";
        }
        var sign = reading < 0 ? '-' : '+';
        var magnitude = (ulong)Math.Abs(reading);
        var (whole, fraction) = (magnitude / 1_000_000_000, magnitude % 1_000_000_000);
        return $" m={sign}{whole}.{fraction:D9}";
    }
}

/// <summary>A time's calendar fields in its zone; <paramref name="Weekday"/> 0 is Sunday, <paramref name="YearDay"/> starts at 1.</summary>
internal sealed record GoWall(
    long Year,
    int Month,
    int Day,
    int Hour,
    int Minute,
    int Second,
    int Nanosecond,
    int Weekday,
    int YearDay,
    int Offset,
    string Abbreviation
);
