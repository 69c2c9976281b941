using System.Text;

namespace Pipelines.Yaml.Editing;

/// <summary>Replace the characters in [<see cref="Start"/>, <see cref="End"/>) with <see cref="Text"/>; all else stays byte for byte.</summary>
internal sealed record TextEdit(int Start, int End, string Text)
{
    public static TextEdit Insert(int at, string text) => new(at, at, text);

    /// <summary>Applies edits that do not overlap, in any order given.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var result = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var edit in edits.OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            if (edit.Start < position || edit.End < edit.Start || edit.End > text.Length)
            {
                throw new InvalidOperationException(
                    $"Overlapping or out-of-range text edit {edit}."
                );
            }
            result.Append(text, position, edit.Start - position).Append(edit.Text);
            position = edit.End;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }
}
