namespace Pipelines.Text;

/// <summary>How a column's cells line up in the plain-text table (and in Markdown's separator row).</summary>
internal enum ColumnAlignment
{
    Left,
    Right,
}

/// <summary>What the plain-text table draws under its header (and above its footer).</summary>
internal enum TableRule
{
    /// <summary>Nothing: the header is followed by the rows (kubectl's style).</summary>
    None,

    /// <summary>A run of <c>-</c> under each column, the gaps left blank.</summary>
    Dashes,

    /// <summary>One unbroken <c>─</c> line as wide as the header.</summary>
    Line,
}

/// <summary>A column: its title, its alignment, and the width it never shrinks below.</summary>
internal sealed record TableColumn(
    string Title,
    ColumnAlignment Alignment = ColumnAlignment.Left,
    int MinWidth = 0
);

/// <summary>
/// The one table writer: a header, rows and optional footer rows (totals), as aligned plain text for the console
/// and as a Markdown table for GitHub (job summaries, comments). Every report table in the build goes through it,
/// so columns line up and cells are escaped the same way everywhere.
/// </summary>
internal sealed record TextTable(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows
)
{
    /// <summary>Rows after the body, set off by the rule in text; their first cell is bold in Markdown.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Footer { get; init; } = [];

    /// <summary>The space between two columns in text.</summary>
    public string Gap { get; init; } = "  ";

    public TableRule Rule { get; init; } = TableRule.Dashes;

    /// <summary>A table of left-aligned columns with these titles.</summary>
    public static TextTable Of(
        IReadOnlyList<string> titles,
        IReadOnlyList<IReadOnlyList<string>> rows
    ) => new(titles.Select(t => new TableColumn(t)).ToList(), rows);

    /// <summary>Aligned plain text; trailing spaces are trimmed from every line.</summary>
    public IEnumerable<string> Text()
    {
        var widths = Columns
            .Select(
                (column, i) =>
                    Rows.Concat(Footer)
                        .Select(r => Cell(r, i).Length)
                        .Append(column.Title.Length)
                        .Append(column.MinWidth)
                        .Max()
            )
            .ToList();
        var header = Line(Columns.Select(c => c.Title).ToList(), widths);
        var rule = Rule switch
        {
            TableRule.Dashes => string.Join(Gap, widths.Select(w => new string('-', w))),
            TableRule.Line => new string('─', header.Length),
            _ => null,
        };
        yield return header;
        if (rule is not null)
        {
            yield return rule;
        }
        foreach (var row in Rows)
        {
            yield return Line(row, widths);
        }
        if (Footer.Count == 0)
        {
            yield break;
        }
        if (rule is not null)
        {
            yield return rule;
        }
        foreach (var row in Footer)
        {
            yield return Line(row, widths);
        }
    }

    /// <summary>A GitHub Markdown table; a <c>|</c> inside a cell is escaped.</summary>
    public IEnumerable<string> Markdown()
    {
        yield return MarkdownLine(Columns.Select(c => c.Title).ToList());
        yield return "|"
            + string.Concat(
                Columns.Select(c => c.Alignment == ColumnAlignment.Right ? "---:|" : "---|")
            );
        foreach (var row in Rows)
        {
            yield return MarkdownLine(row);
        }
        foreach (var row in Footer)
        {
            yield return MarkdownLine(
                row.Select((c, i) => i == 0 && c.Length > 0 ? $"**{c}**" : c).ToList()
            );
        }
    }

    private string Line(IReadOnlyList<string> cells, IReadOnlyList<int> widths) =>
        string.Join(
                Gap,
                Columns.Select(
                    (column, i) =>
                        column.Alignment == ColumnAlignment.Right
                            ? Cell(cells, i).PadLeft(widths[i])
                            : Cell(cells, i).PadRight(widths[i])
                )
            )
            .TrimEnd();

    private string MarkdownLine(IReadOnlyList<string> cells) =>
        "| "
        + string.Join(
            " | ",
            Columns.Select((_, i) => Cell(cells, i).Replace("|", "\\|", StringComparison.Ordinal))
        )
        + " |";

    /// <summary>A short row reads as empty cells at its end.</summary>
    private static string Cell(IReadOnlyList<string> cells, int index) =>
        index < cells.Count ? cells[index] : "";
}
