namespace Pipelines.ConfigRepo.Yaml;

/// <summary>Where new lines go and where removed lines end, so that comments stay with what they describe.</summary>
internal static class Placement
{
    /// <summary>
    /// The start of the line after a block whose content ends at <paramref name="contentEnd"/>, moved past the comment
    /// lines that follow it indented by at least <paramref name="minCommentIndent"/> (those belong to the block; a
    /// comment less indented introduces what comes next). Blank lines count only when such a comment follows them.
    /// </summary>
    public static int AfterBlock(TextLayout layout, int contentEnd, int minCommentIndent)
    {
        var line = layout.LineOf(Math.Max(contentEnd - 1, 0));
        var after = line + 1;
        for (var next = line + 1; next < layout.LineCount; next++)
        {
            if (layout.IsBlank(next))
            {
                continue;
            }
            if (!layout.IsComment(next) || layout.Indent(next) < minCommentIndent)
            {
                break;
            }
            after = next + 1;
        }
        return after < layout.LineCount ? layout.LineStart(after) : layout.Text.Length;
    }

    /// <summary>Whole lines to insert at a line start, or at the end of a file that lacks a final line break.</summary>
    public static TextEdit Lines(TextLayout layout, int at, IEnumerable<string> lines)
    {
        var text = string.Join(layout.NewLine, lines);
        return at == layout.Text.Length && at > 0 && layout.Text[at - 1] != '\n'
            ? TextEdit.Insert(at, layout.NewLine + text)
            : TextEdit.Insert(at, text + layout.NewLine);
    }

    /// <summary>Just past the ':' or '-' (and any anchor or tag) that introduces <paramref name="node"/>; -1 for the root.</summary>
    public static int IndicatorEnd(YamlDocument document, YamlNode node)
    {
        var indicator = document.ParentOf(node) switch
        {
            (MappingNode mapping, var index) => mapping.Entries[index].Colon + 1,
            (SequenceNode sequence, var index) => sequence.Items[index].Dash + 1,
            _ => -1,
        };
        var properties = node switch
        {
            MappingNode mapping => mapping.PropertiesEnd,
            SequenceNode sequence => sequence.PropertiesEnd,
            _ => -1,
        };
        return indicator <= 0 ? -1 : Math.Max(indicator, properties);
    }

    /// <summary>True when a flow collection (<c>{}</c> or <c>[]</c>) holds <paramref name="node"/>.</summary>
    public static bool InFlow(YamlDocument document, YamlNode node) =>
        document.ParentOf(node)?.Parent
            is MappingNode { IsFlow: true }
                or SequenceNode { IsFlow: true };
}
