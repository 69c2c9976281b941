using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

/// <summary>Turns YamlDotNet's complaint about broken YAML into an error naming file:line:col and the problem.</summary>
internal static class YamlSyntaxError
{
    public static YamlEditException From(YamlException exception, TextLayout layout, string file)
    {
        var problem = Innermost(exception).Message;
        var offset = (int)Math.Clamp(exception.Start.Index, 0, layout.Text.Length);
        if (
            problem.Contains("tab", StringComparison.OrdinalIgnoreCase)
            && FirstIndentingTab(layout) is { } tab
        )
        {
            // The scanner reports a tab at the start of the enclosing block; the tab itself is what to fix.
            offset = tab;
        }
        var (line, column) = layout.Position(offset);
        var hint = problem.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? " YAML indents with spaces only: replace the tab with spaces."
            : "";
        return new YamlEditException(
            $"{file}:{line}:{column}: invalid YAML: {problem}{hint} Fix the file, then run the edit again.",
            file,
            line,
            column
        );
    }

    private static int? FirstIndentingTab(TextLayout layout)
    {
        for (var line = 0; line < layout.LineCount; line++)
        {
            for (
                var i = layout.LineStart(line);
                i < layout.LineEnd(line) && layout.Text[i] is ' ' or '\t';
                i++
            )
            {
                if (layout.Text[i] == '\t')
                {
                    return i;
                }
            }
        }
        return null;
    }

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is YamlException inner ? Innermost(inner) : exception;
}
