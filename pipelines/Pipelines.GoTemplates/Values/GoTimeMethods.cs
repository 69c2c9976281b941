using Pipelines.GoTemplates.Functions;

namespace Pipelines.GoTemplates.Values;

/// <summary>The time.Time methods templates call: <c>.Year</c>, <c>.Unix</c>, <c>$t.Format "2006"</c>, <c>.UTC</c>, ...</summary>
internal static class GoTimeMethods
{
    private static readonly Dictionary<
        string,
        (int Arguments, Func<GoTime, IReadOnlyList<object?>, object?> Call)
    > Table = new(StringComparer.Ordinal)
    {
        ["Year"] = (0, (t, _) => t.Wall.Year),
        ["Day"] = (0, (t, _) => (long)t.Wall.Day),
        ["Hour"] = (0, (t, _) => (long)t.Wall.Hour),
        ["Minute"] = (0, (t, _) => (long)t.Wall.Minute),
        ["Second"] = (0, (t, _) => (long)t.Wall.Second),
        ["Nanosecond"] = (0, (t, _) => (long)t.Nanoseconds),
        ["YearDay"] = (0, (t, _) => (long)t.Wall.YearDay),
        ["Unix"] = (0, (t, _) => t.UnixSeconds),
        ["UnixMilli"] = (0, (t, _) => t.UnixSeconds * 1000 + t.Nanoseconds / 1_000_000),
        ["UnixMicro"] = (0, (t, _) => t.UnixSeconds * 1_000_000 + t.Nanoseconds / 1000),
        ["UnixNano"] = (0, (t, _) => t.UnixSeconds * 1_000_000_000 + t.Nanoseconds),
        ["IsZero"] = (0, (t, _) => t.UnixSeconds == GoTime.Zero.UnixSeconds && t.Nanoseconds == 0),
        ["UTC"] = (0, (t, _) => t.In(GoZone.Utc)),
        ["Local"] = (0, (t, _) => t.In(GoZone.Local)),
        ["String"] = (0, (t, _) => t.GoString()),
        ["Format"] = (1, (t, a) => GoTimeLayout.Format(t, Text(a[0], "Format"))),
        ["Before"] = (1, (t, a) => t.Since(Time(a[0], "Before")) < 0),
        ["After"] = (1, (t, a) => t.Since(Time(a[0], "After")) > 0),
        ["Equal"] = (1, (t, a) => t.Since(Time(a[0], "Equal")) == 0),
        ["AddDate"] = (3, AddDate),
    };

    public static IReadOnlyList<string> Names { get; } =
    [.. Table.Keys.Order(StringComparer.Ordinal)];

    public static bool TryCall(
        GoTime time,
        string method,
        IReadOnlyList<object?> arguments,
        out object? result
    )
    {
        result = null;
        if (!Table.TryGetValue(method, out var entry))
        {
            return false;
        }
        if (arguments.Count != entry.Arguments)
        {
            throw new TemplateFunctionException(
                $"wrong number of args for {method}: want {entry.Arguments} got {arguments.Count}"
            );
        }
        result = entry.Call(time, arguments);
        return true;
    }

    /// <summary>t.AddDate(years, months, days): normalised as Go's time.Date normalises (Oct 31 + 1 month is Dec 1).</summary>
    private static object? AddDate(GoTime time, IReadOnlyList<object?> arguments)
    {
        var wall = time.Wall;
        var (years, months, days) = (Int(arguments[0]), Int(arguments[1]), Int(arguments[2]));
        var totalMonths = wall.Year * 12 + (wall.Month - 1) + years * 12 + months;
        var year = GoCalendar.FloorDiv(totalMonths, 12);
        var month = (int)(totalMonths - year * 12) + 1;
        var day = GoCalendar.DaysFromCivil(year, month, 1) + wall.Day - 1 + days;
        var seconds = day * 86400 + wall.Hour * 3600 + wall.Minute * 60 + wall.Second;
        return time with { UnixSeconds = time.Zone.ToUnix(seconds) };
    }

    private static long Int(object? value) =>
        value as long?
        ?? throw new TemplateFunctionException(
            $"wrong type for value; expected int; got {Formatting.GoFormat.TypeName(value)}"
        );

    private static string Text(object? value, string method) =>
        value as string
        ?? throw new TemplateFunctionException(
            $"wrong type for value; expected string; got {Formatting.GoFormat.TypeName(value)} (argument of {method})"
        );

    private static GoTime Time(object? value, string method) =>
        value as GoTime
        ?? throw new TemplateFunctionException(
            $"wrong type for value; expected time.Time; got {Formatting.GoFormat.TypeName(value)} (argument of {method})"
        );
}
