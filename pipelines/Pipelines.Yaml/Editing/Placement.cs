namespace Pipelines.Yaml.Editing;

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
    public static TextEdit Lines(YamlDocument document, int at, IEnumerable<string> lines)
    {
        var layout = document.Layout;
        var text = string.Join(layout.NewLine, lines);
        if (at < layout.Text.Length || at == 0 || layout.Text[at - 1] == '\n')
        {
            return TextEdit.Insert(at, text + layout.NewLine);
        }
        if (BlockScalarAtEnd(document.Root, at) is { } block && !Strips(layout.Text, block))
        {
            // Without a final line break the block's value has none either; a line after it would add one.
            throw document.Error(
                block.TokenStart,
                $"the file ends with the block scalar '{block.Path}' and no line break, so anything added after it "
                    + "would change its value. Add a line break at the end of the file, then run the edit again."
            );
        }
        return TextEdit.Insert(at, layout.NewLine + text);
    }

    private static bool Strips(string text, ScalarNode block)
    {
        for (
            var i = block.TokenStart + 1;
            i < text.Length && (text[i] is '-' or '+' || char.IsAsciiDigit(text[i]));
            i++
        )
        {
            if (text[i] == '-')
            {
                return true;
            }
        }
        return false;
    }

    private static ScalarNode? BlockScalarAtEnd(YamlNode? node, int end) =>
        node switch
        {
            ScalarNode { IsBlock: true } block when block.End == end => block,
            MappingNode { IsFlow: false, Entries: [.., var last] } => BlockScalarAtEnd(
                last.Value,
                end
            ),
            SequenceNode { IsFlow: false, Items: [.., var last] } => BlockScalarAtEnd(
                last.Value,
                end
            ),
            _ => null,
        };

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
