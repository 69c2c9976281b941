using Pipelines.Text;

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
        var lines = Table(rows, total).Text().ToList();
        var frame = new string('═', lines[0].Length);
        return ["", frame, .. lines, frame];
    }

    public static IEnumerable<string> Markdown(IReadOnlyList<Row> rows, TimeSpan total) =>
        Table(rows, total).Markdown();

    // Status and Duration keep their width whatever the rows hold, so the columns stay put from build to build.
    private static TextTable Table(IReadOnlyList<Row> rows, TimeSpan total) =>
        new(
            [
                new TableColumn("Target"),
                new TableColumn("Status", MinWidth: 9),
                new TableColumn("Duration", ColumnAlignment.Right, MinWidth: 10),
                new TableColumn("Note"),
            ],
            rows.Select(r =>
                    (IReadOnlyList<string>)
                        [r.Target, r.Status.ToString(), Format(r.Duration), r.Note]
                )
                .ToList()
        )
        {
            Footer =
            [
                ["Total", "", Format(total), ""],
            ],
            Gap = "   ",
            Rule = TableRule.Line,
        };

    private static string Format(TimeSpan? duration) =>
        duration switch
        {
            null => "",
            { TotalSeconds: < 1 } => "< 1s",
            { TotalHours: >= 1 } d => d.ToString(@"h\:mm\:ss"),
            { } d => d.ToString(@"m\:ss"),
        };
}
