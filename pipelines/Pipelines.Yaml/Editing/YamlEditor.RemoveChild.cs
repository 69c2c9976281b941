namespace Pipelines.Yaml.Editing;

public sealed partial class YamlEditor
{
    /// <summary>
    /// The edits removing child <paramref name="index"/> of a collection, given each child's start (key or '-') and
    /// content end. Block children go with their whole lines; a child sharing its line with a parent's '-' gives its
    /// place to the next one; the last child leaves <paramref name="empty"/> (<c>{}</c> or <c>[]</c>) behind.
    /// </summary>
    private IReadOnlyList<TextEdit> RemoveChild(
        YamlNode collection,
        bool isFlow,
        IReadOnlyList<(int Start, int ContentEnd)> children,
        int index,
        string empty
    )
    {
        var (start, end) = children[index];
        AnchorUse.CheckRemovable(
            Document,
            collection switch
            {
                MappingNode mapping => [mapping.Entries[index].Key, mapping.Entries[index].Value],
                SequenceNode sequence => [sequence.Items[index].Value],
                _ => [],
            },
            $"'{collection.Path.Append(collection is MappingNode m ? new YamlPathSegment.Key(m.Entries[index].KeyText ?? "?") : new YamlPathSegment.Index(index))}'"
        );
        if (isFlow)
        {
            return [RemoveFlowChild(children, index)];
        }
        var layout = Document.Layout;
        if (!layout.OnlySpacesBefore(start))
        {
            // "- name: x" (the first key of a list item) or "- - x": the next child moves up onto this line.
            return children.Count == 1
                ? [new TextEdit(start, end, empty)]
                : [new TextEdit(start, children[index + 1].Start, "")];
        }
        var lines = new TextEdit(
            layout.LineStart(layout.LineOf(start)),
            Placement.AfterBlock(layout, end, layout.Column(start) + 1),
            ""
        );
        if (children.Count > 1)
        {
            return [lines];
        }
        var indicator = Placement.IndicatorEnd(Document, collection);
        return indicator < 0
            ? [lines with { Text = collection is SequenceNode ? empty + layout.NewLine : "" }]
            : [lines, TextEdit.Insert(indicator, " " + empty)];
    }

    private TextEdit RemoveFlowChild(IReadOnlyList<(int Start, int ContentEnd)> children, int index)
    {
        var (start, end) = children[index];
        if (index + 1 < children.Count)
        {
            return new TextEdit(start, children[index + 1].Start, "");
        }
        if (index > 0)
        {
            return new TextEdit(children[index - 1].ContentEnd, end, "");
        }
        var next = end;
        while (next < Source.Length && char.IsWhiteSpace(Source[next]))
        {
            next++;
        }
        return new TextEdit(
            start,
            next < Source.Length && Source[next] == ',' ? next + 1 : end,
            ""
        );
    }
}
