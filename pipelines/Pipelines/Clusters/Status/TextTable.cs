namespace Pipelines.Clusters.Status;

/// <summary>A table as aligned plain text for the console and as Markdown for the GitHub job summary.</summary>
public sealed record TextTable(
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows
)
{
    public IEnumerable<string> Text()
    {
        var widths = Header
            .Select((h, i) => Rows.Select(r => r[i].Length).Append(h.Length).Max())
            .ToList();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        yield return Line(Header);
        yield return string.Join("  ", widths.Select(w => new string('-', w)));
        foreach (var row in Rows)
        {
            yield return Line(row);
        }
    }

    public IEnumerable<string> Markdown()
    {
        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
        yield return "| " + string.Join(" | ", Header.Select(Cell)) + " |";
        yield return "|" + string.Concat(Header.Select(_ => "---|"));
        foreach (var row in Rows)
        {
            yield return "| " + string.Join(" | ", row.Select(Cell)) + " |";
        }
    }
}
