using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Pipelines.Text;

/// <summary>
/// A unified diff (<c>diff -u</c> format, 3 lines of context) of two texts, aligned line by line by DiffPlex. Empty
/// when the texts are equal.
/// </summary>
internal static class UnifiedDiff
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

    /// <summary>
    /// The line alignment is DiffPlex's (Myers' O(ND) algorithm, minimal); its blocks become edits in <c>diff -u</c>'s
    /// order: the lines in common, then a block's deletions before its insertions.
    /// </summary>
    private static List<Edit> Align(string[] a, string[] b)
    {
        // Each line ends in \n here, so no lines and one empty line stay apart ("" and "\n").
        var blocks = Differ
            .Instance.CreateDiffs(
                string.Concat(a.Select(l => l + "\n")),
                string.Concat(b.Select(l => l + "\n")),
                ignoreWhiteSpace: false,
                ignoreCase: false,
                new CustomFunctionChunker(text => text.Length == 0 ? [] : text[..^1].Split('\n'))
            )
            .DiffBlocks;
        var edits = new List<Edit>();
        int x = 0,
            y = 0;
        void Common(int untilOld)
        {
            while (x < untilOld)
            {
                edits.Add(new Edit(' ', a[x], ++x, ++y));
            }
        }
        foreach (var block in blocks)
        {
            Common(block.DeleteStartA);
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                edits.Add(new Edit('-', a[x], ++x, y + 1));
            }
            for (var i = 0; i < block.InsertCountB; i++)
            {
                edits.Add(new Edit('+', b[y], x + 1, ++y));
            }
        }
        Common(a.Length);
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
