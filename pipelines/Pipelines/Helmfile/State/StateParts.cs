namespace Pipelines.Helmfile.State;

/// <summary>Splits a state file into the parts helmfile renders one after another: a line that is exactly <c>---</c> separates them.</summary>
internal static class StateParts
{
    /// <summary>Each part's text and the 1-based line it starts on, so errors point into the whole file.</summary>
    public static IEnumerable<(string Text, int FirstLine)> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].TrimEnd() != "---")
            {
                continue;
            }
            var part = string.Join('\n', lines[start..i]);
            if (!string.IsNullOrWhiteSpace(part))
            {
                yield return (part, start + 1);
            }
            start = i + 1;
        }
    }
}
