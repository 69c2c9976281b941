using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

/// <summary>A value an edit adds to the file, before it is written in the style of its surroundings.</summary>
internal abstract record NewValue;

/// <summary>A new scalar; <see cref="Kind"/> other than String lets it be written plain as that kind (a boolean).</summary>
internal sealed record NewScalar(string Value, ScalarStyle Style, PlainKind Kind = PlainKind.String)
    : NewValue;

internal sealed record NewMapping(IReadOnlyList<KeyValuePair<string, NewValue>> Entries) : NewValue
{
    public static NewMapping Of(string key, NewValue value) => new([new(key, value)]);
}

internal sealed record NewList(IReadOnlyList<NewValue> Items) : NewValue;

/// <summary>
/// Writes new values as lines of block YAML at a given column, or as one flow expression for flow parents,
/// indenting nested keys, list dashes and a list item's keys the way the file already does.
/// </summary>
internal sealed class NewContentWriter(int indentWidth, int sequenceOffset, int itemKeyOffset)
{
    public NewContentWriter(FileStyle style)
        : this(style.IndentWidth, style.SequenceOffset, style.ItemKeyOffset) { }

    public int IndentWidth => indentWidth;
    public int SequenceOffset => sequenceOffset;

    /// <summary><c>key: value</c> with <c>key</c> at <paramref name="column"/>; nested blocks below it.</summary>
    public List<string> Entry(string key, NewValue value, int column)
    {
        var head = Spaces(column) + ScalarWriter.Key(key, inFlow: false) + ":";
        return value switch
        {
            NewScalar scalar =>
            [
                head
                    + " "
                    + ScalarWriter.Write(scalar.Value, scalar.Style, inFlow: false, scalar.Kind),
            ],
            NewMapping { Entries.Count: 0 } => [head + " {}"],
            NewList { Items.Count: 0 } => [head + " []"],
            _ => [head, .. Children(value, ChildColumn(value, column))],
        };
    }

    /// <summary>A list item: its '-' at <paramref name="dashColumn"/>, a mapping's first key on the dash's line.</summary>
    public List<string> Item(NewValue value, int dashColumn)
    {
        var dash = Spaces(dashColumn) + "-";
        if (value is not NewMapping { Entries.Count: > 0 } mapping)
        {
            return [dash + " " + Flow(value)];
        }
        var keyColumn = dashColumn + Math.Max(2, itemKeyOffset);
        var lines = Children(mapping, keyColumn);
        lines[0] = dash + Spaces(keyColumn - dashColumn - 1) + lines[0][keyColumn..];
        return lines;
    }

    /// <summary>The entries of a mapping or the items of a list, as block lines at <paramref name="column"/>.</summary>
    public List<string> Children(NewValue value, int column) =>
        value switch
        {
            NewMapping mapping => mapping
                .Entries.SelectMany(e => Entry(e.Key, e.Value, column))
                .ToList(),
            NewList list => list.Items.SelectMany(i => Item(i, column)).ToList(),
            _ => throw new InvalidOperationException("A scalar has no children."),
        };

    /// <summary>Where the children of a value nested under a key at <paramref name="keyColumn"/> start.</summary>
    public int ChildColumn(NewValue value, int keyColumn) =>
        keyColumn + (value is NewList ? sequenceOffset : indentWidth);

    public static string Flow(NewValue value) =>
        value switch
        {
            NewScalar scalar => ScalarWriter.Write(
                scalar.Value,
                scalar.Style,
                inFlow: true,
                scalar.Kind
            ),
            NewMapping mapping => "{"
                + string.Join(
                    ", ",
                    mapping.Entries.Select(e =>
                        ScalarWriter.Key(e.Key, inFlow: true) + ": " + Flow(e.Value)
                    )
                )
                + "}",
            NewList list => "[" + string.Join(", ", list.Items.Select(Flow)) + "]",
            _ => throw new InvalidOperationException(value.GetType().Name),
        };

    private static string Spaces(int count) => new(' ', count);
}
