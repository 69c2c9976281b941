using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// Replaces the value of a literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar. The header keeps its indicator
/// and any comment; the chomping indicator follows the new value (<c>|</c> when it ends with one line break,
/// <c>|-</c> when it has none); content lines keep the block's indentation. A value a block of that kind cannot hold
/// exactly (leading spaces, several trailing line breaks, line breaks in a folded block) is written double-quoted
/// in place of the whole block instead.
/// </summary>
internal static class BlockScalarWriter
{
    public static IReadOnlyList<TextEdit> Replace(
        YamlDocument document,
        ScalarNode block,
        string value
    )
    {
        var layout = document.Layout;
        var text = document.Text;
        var indicatorsEnd = block.TokenStart + 1;
        while (
            indicatorsEnd < text.Length
            && (text[indicatorsEnd] is '+' or '-' || char.IsAsciiDigit(text[indicatorsEnd]))
        )
        {
            indicatorsEnd++;
        }
        var indicators = text[(block.TokenStart + 1)..indicatorsEnd];
        if (indicators.Contains('+'))
        {
            throw document.Error(
                block.TokenStart,
                $"'{block.Path}' is a block scalar that keeps its trailing line breaks ({text[block.TokenStart]}+); "
                    + "edits cannot tell which of those lines belong to the value. Change it to a quoted value by hand first."
            );
        }
        var headerLine = layout.LineOf(block.TokenStart);
        var headerEnd = layout.LineEnd(headerLine);
        var lastLine = layout.LineOf(Math.Max(block.ContentEnd - 1, block.TokenStart));
        var contentEnd = lastLine > headerLine ? layout.LineEnd(lastLine) : headerEnd;
        var folded = block.Style == ScalarStyle.Folded;
        if (indicators.Any(char.IsAsciiDigit) || !Fits(value, folded))
        {
            return
            [
                new TextEdit(block.TokenStart, indicatorsEnd, ScalarWriter.DoubleQuoted(value)),
                new TextEdit(headerEnd, contentEnd, ""),
            ];
        }
        var indent = new string(' ', ContentIndent(document, headerLine, lastLine));
        var body = value.EndsWith('\n') ? value[..^1] : value;
        var lines = body.Split('\n').Select(line => line.Length == 0 ? "" : indent + line);
        return
        [
            new TextEdit(block.TokenStart + 1, indicatorsEnd, value.EndsWith('\n') ? "" : "-"),
            new TextEdit(
                headerEnd,
                contentEnd,
                layout.NewLine + string.Join(layout.NewLine, lines)
            ),
        ];
    }

    private static bool Fits(string value, bool folded)
    {
        var body = value.EndsWith('\n') ? value[..^1] : value;
        return body.Length > 0
            && body[0] is not (' ' or '\t' or '\n')
            && !body.EndsWith('\n')
            && !body.Contains('\r')
            && ScalarWriter.IsPrintableLine(body.Replace("\n", "", StringComparison.Ordinal))
            && (!folded || !body.Contains('\n'));
    }

    private static int ContentIndent(YamlDocument document, int headerLine, int lastLine)
    {
        for (var line = headerLine + 1; line <= lastLine; line++)
        {
            if (!document.Layout.IsBlank(line))
            {
                return document.Layout.Indent(line);
            }
        }
        return document.Layout.Indent(headerLine) + document.Style.IndentWidth;
    }
}
