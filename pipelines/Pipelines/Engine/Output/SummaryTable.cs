namespace Pipelines.Engine;

/// <summary>Target / Status / Duration / Note, as plain text for the console and as Markdown for GitHub.</summary>
internal static class SummaryTable
{
    public sealed record Row(string Target, TargetStatus Status, TimeSpan? Duration, string Note);

    public static IReadOnlyList<Row> Rows(ExecutionPlan plan) =>
        plan
            .Steps.Select(s => new Row(
                s.Target.Name,
                s.Target.Status,
                s.Target.Status is TargetStatus.Skipped or TargetStatus.NotRun
                    ? null
                    : s.Target.Duration,
                string.Join("; ", s.Target.Notes)
            ))
            .ToList();

    public static IEnumerable<string> Text(IReadOnlyList<Row> rows, TimeSpan total)
    {
        var width =
            Math.Max("Target".Length, rows.Select(r => r.Target.Length).DefaultIfEmpty(0).Max())
            + 3;
        var rule = new string('─', width + 28);
        yield return "";
        yield return new string('═', width + 28);
        yield return $"{"Target".PadRight(width)}{"Status", -12}{"Duration", 10}   Note";
        yield return rule;
        foreach (var row in rows)
        {
            var line =
                $"{row.Target.PadRight(width)}{row.Status, -12}{Format(row.Duration), 10}   {row.Note}";
            yield return line.TrimEnd();
        }
        yield return rule;
        yield return $"{"Total".PadRight(width)}{"", -12}{Format(total), 10}";
        yield return new string('═', width + 28);
    }

    public static IEnumerable<string> Markdown(IReadOnlyList<Row> rows, TimeSpan total)
    {
        yield return "| Target | Status | Duration | Note |";
        yield return "|---|---|---:|---|";
        foreach (var row in rows)
        {
            yield return $"| {row.Target} | {row.Status} | {Format(row.Duration)} | {row.Note.Replace("|", "\\|")} |";
        }
        yield return $"| **Total** | | {Format(total)} | |";
    }

    private static string Format(TimeSpan? duration) =>
        duration switch
        {
            null => "",
            { TotalSeconds: < 1 } => "< 1s",
            { TotalHours: >= 1 } d => d.ToString(@"h\:mm\:ss"),
            { } d => d.ToString(@"m\:ss"),
        };
}
