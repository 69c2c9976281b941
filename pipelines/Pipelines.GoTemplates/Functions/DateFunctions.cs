using Pipelines.GoTemplates.Values;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's date functions on Go <c>time.Time</c> values (<see cref="GoTime"/>), with Go's reference-time layouts and
/// IANA zones. Those that read the clock (<c>now</c>, <c>ago</c>, <c>durationRound</c> of a time) make the render
/// never cached. Two deliberate refusals where sprig prints something unintended: a layout without any element of the
/// reference time, and an unknown zone (sprig silently uses UTC).
/// </summary>
internal static class DateFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("now", 0, 0, _ => GoTime.Now()) { NonDeterministic = true },
            new("date", 2, 2, call => DateInZone(call, call.String(0), call[1], "Local")),
            new(
                "dateInZone",
                3,
                3,
                call => DateInZone(call, call.String(0), call[1], call.String(2))
            ),
            new(
                "date_in_zone",
                3,
                3,
                call => DateInZone(call, call.String(0), call[1], call.String(2))
            ),
            new("htmlDate", 1, 1, call => DateInZone(call, "2006-01-02", call[0], "Local")),
            new(
                "htmlDateInZone",
                2,
                2,
                call => DateInZone(call, "2006-01-02", call[0], call.String(1))
            ),
            new("toDate", 2, 2, call => ToDate(call, strict: false)),
            new("mustToDate", 2, 2, call => ToDate(call, strict: true)),
            new("dateModify", 2, 2, call => DateModify(call, strict: false)),
            new("mustDateModify", 2, 2, call => DateModify(call, strict: true)),
            new(
                "unixEpoch",
                1,
                1,
                call =>
                    Time(call, 0)
                        .UnixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ),
            new("ago", 1, 1, Ago) { NonDeterministic = true },
            new("duration", 1, 1, Duration),
            new("durationRound", 1, 1, DurationRound),
        ];

    private static string DateInZone(FunctionCall call, string layout, object? date, string zone)
    {
        var time = date switch
        {
            GoTime value => value,
            long seconds => GoTime.Unix(seconds),
            _ => throw call.Fail(
                $"the date must be a time (from now, toDate or dateModify) or Unix seconds, got {Formatting.GoFormat.TypeName(date)}"
                    + (
                        date is string text
                            ? $" \"{text}\"; parse text first: toDate \"2006-01-02\" \"{text}\""
                            : ""
                    )
                    + " (sprig would print the current time instead)"
            ),
        };
        return GoTimeLayout.Format(time.In(Zone(call, zone)), Layout(call, layout));
    }

    private static object? ToDate(FunctionCall call, bool strict)
    {
        var layout = Layout(call, call.String(0));
        try
        {
            return GoTimeParse.Parse(layout, call.String(1), GoZone.Local);
        }
        catch (FormatException exception)
        {
            // toDate returns Go's zero time for text that does not match; mustToDate reports why.
            return strict ? throw call.Fail(exception.Message) : GoTime.Zero;
        }
    }

    private static object? DateModify(FunctionCall call, bool strict)
    {
        var time = Time(call, 1);
        if (GoDuration.TryParse(call.String(0), out var nanoseconds, out var error))
        {
            return time.Add(nanoseconds);
        }
        // sprig's dateModify returns the date unchanged for a bad duration; mustDateModify reports it.
        return strict
            ? throw call.Fail(error + " (durations look like 1h30m, -24h, 90s, 1.5h)")
            : time;
    }

    private static object? Ago(FunctionCall call)
    {
        var since = call[0] switch
        {
            GoTime time => time,
            long seconds => GoTime.Unix(seconds),
            var other => throw call.Fail(
                $"the date must be a time or Unix seconds, got {Formatting.GoFormat.TypeName(other)}"
            ),
        };
        return GoDuration.Format(RoundToSecond(GoTime.Now().Since(since)));
    }

    /// <summary>
    /// Whole seconds given as text, as a Go duration: <c>duration "95"</c> is <c>1m35s</c> (text that is not a number is 0s).
    /// sprig reads only text and Go int64 here and prints 0s for a plain int, which templates cannot tell apart, so an
    /// integer is refused rather than printed either way.
    /// </summary>
    private static object? Duration(FunctionCall call) =>
        call[0] switch
        {
            string text => GoDuration.Format(
                (long.TryParse(text, out var seconds) ? seconds : 0) * GoDuration.Second
            ),
            long => throw call.Fail(IntegerRefused("duration (toString 95) or duration \"95\"")),
            _ => "0s",
        };

    private static string IntegerRefused(string example) =>
        $"sprig prints 0s for a plain int here (it reads only text and Go int64, which templates cannot tell apart); pass text: {example}";

    /// <summary>The largest whole unit of a duration (<c>2h</c>, <c>3d</c>, <c>1y</c>) given as Go duration text or a time (the time since it).</summary>
    private static object? DurationRound(FunctionCall call)
    {
        long nanoseconds;
        switch (call[0])
        {
            case string text:
                GoDuration.TryParse(text, out nanoseconds, out _);
                break;
            case long:
                throw call.Fail(IntegerRefused("durationRound \"90m\""));
            case GoTime time:
                call.MarkNonDeterministic();
                nanoseconds = GoTime.Now().Since(time);
                break;
            default:
                return "0s";
        }
        var u = nanoseconds < 0 ? (ulong)(-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        const ulong hour = 3600UL * 1_000_000_000;
        (ulong Size, string Unit)[] units =
        [
            (hour * 24 * 365, "y"),
            (hour * 24 * 30, "mo"),
            (hour * 24, "d"),
            (hour, "h"),
            (hour / 60, "m"),
            (1_000_000_000, "s"),
        ];
        foreach (var (size, unit) in units)
        {
            if (u > size)
            {
                return $"{u / size}{unit}";
            }
        }
        return "0s";
    }

    /// <summary>Go's Duration.Round(time.Second): halves away from zero.</summary>
    private static long RoundToSecond(long nanoseconds)
    {
        var remainder = nanoseconds % GoDuration.Second;
        var truncated = nanoseconds - remainder;
        return Math.Abs(remainder) * 2 >= GoDuration.Second
            ? truncated + Math.Sign(nanoseconds) * GoDuration.Second
            : truncated;
    }

    private static GoTime Time(FunctionCall call, int index) =>
        call[index] as GoTime
        ?? throw call.Fail(
            $"wrong type for value; expected time.Time; got {Formatting.GoFormat.TypeName(call[index])} (argument {index + 1} of {call.Name}); make one with now or toDate"
        );

    private static GoZone Zone(FunctionCall call, string name)
    {
        try
        {
            return GoZone.Load(name);
        }
        catch (ArgumentException exception)
        {
            throw call.Fail(exception.Message + " (sprig would silently use UTC)");
        }
    }

    private static string Layout(FunctionCall call, string layout) =>
        GoTimeLayout.HasElement(layout)
            ? layout
            : throw call.Fail(
                $"the layout \"{layout}\" holds no element of Go's reference time, so it would print itself; "
                    + "write the reference time Mon Jan 2 15:04:05 MST 2006 in the shape wanted, e.g. \"2006-01-02\" or \"02 Jan 06 15:04 MST\""
            );
}
