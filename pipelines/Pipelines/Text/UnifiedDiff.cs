using System.Text;

namespace Pipelines.Text;

/// <summary>
/// A unified diff (<c>diff -u</c> format, 3 lines of context) of two texts, from a longest-common-subsequence
/// alignment of their lines. Empty when the texts are equal.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string oldText, string newText, string oldName, string newName)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Align(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return "";
        }
        var output = new StringBuilder().Append($"--- {oldName}\n+++ {newName}\n");
        foreach (var hunk in Hunks(edits))
        {
            var first = edits[hunk.Start];
            var oldCount = edits.Skip(hunk.Start).Take(hunk.Length).Count(e => e.Kind != '+');
            var newCount = edits.Skip(hunk.Start).Take(hunk.Length).Count(e => e.Kind != '-');
            output.Append(
                $"@@ -{Start(first.OldLine, oldCount)},{oldCount} +{Start(first.NewLine, newCount)},{newCount} @@\n"
            );
            foreach (var edit in edits.Skip(hunk.Start).Take(hunk.Length))
            {
                output.Append(edit.Kind).Append(edit.Text).Append('\n');
            }
        }
        return output.ToString();
    }

    private sealed record Edit(char Kind, string Text, int OldLine, int NewLine);

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    private static int Start(int line, int count) => count == 0 ? line - 1 : line;

    /// <summary>Classic LCS table; manifests are small enough that O(n·m) is fine and the output is minimal.</summary>
    private static List<Edit> Align(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] =
                    a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var edits = new List<Edit>();
        int x = 0,
            y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], ++x, ++y));
            }
            // Deletions before insertions, as diff -u prints a changed line.
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x], ++x, y + 1));
            }
            else
            {
                edits.Add(new Edit('+', b[y], x + 1, ++y));
            }
        }
        return edits;
    }

    private static IEnumerable<(int Start, int Length)> Hunks(List<Edit> edits)
    {
        var changed = edits
            .Select((e, i) => (e, i))
            .Where(p => p.e.Kind != ' ')
            .Select(p => p.i)
            .ToList();
        var start = Math.Max(0, changed[0] - Context);
        var end = Math.Min(edits.Count - 1, changed[0] + Context);
        foreach (var index in changed.Skip(1))
        {
            if (index - Context > end + 1)
            {
                yield return (start, end - start + 1);
                start = index - Context;
            }
            end = Math.Min(edits.Count - 1, index + Context);
        }
        yield return (start, end - start + 1);
    }
}
