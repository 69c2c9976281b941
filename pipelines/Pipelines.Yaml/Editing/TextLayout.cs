namespace Pipelines.Yaml.Editing;

/// <summary>Line arithmetic over a file's text: offsets to lines and columns, indentation, and the file's line ending.</summary>
internal sealed class TextLayout
{
    private readonly int[] _lineStarts;

    public TextLayout(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
        // A file written on Windows keeps its CRLF: new lines follow the first line ending found.
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        NewLine = firstBreak > 0 && text[firstBreak - 1] == '\r' ? "\r\n" : "\n";
    }

    public string Text { get; }
    public string NewLine { get; }
    public int LineCount => _lineStarts.Length;

    /// <summary>The 0-based line holding <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var found = Array.BinarySearch(_lineStarts, offset);
        return found >= 0 ? found : ~found - 1;
    }

    public int LineStart(int line) => _lineStarts[line];

    /// <summary>The offset of the line's break (or the end of the text), so the line's text is [start, end).</summary>
    public int LineEnd(int line)
    {
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] - 1 : Text.Length;
        return end > LineStart(line) && Text[end - 1] == '\r' ? end - 1 : end;
    }

    /// <summary>The start of the following line, or the end of the text on the last line.</summary>
    public int NextLineStart(int line) =>
        line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;

    public int Column(int offset) => offset - LineStart(LineOf(offset));

    public int Indent(int line)
    {
        var start = LineStart(line);
        var end = LineEnd(line);
        var i = start;
        while (i < end && Text[i] == ' ')
        {
            i++;
        }
        return i - start;
    }

    public bool IsBlank(int line) => Text[LineStart(line)..LineEnd(line)].Trim().Length == 0;

    public bool IsComment(int line) =>
        Text[LineStart(line)..LineEnd(line)].TrimStart().StartsWith('#');

    /// <summary>True when only spaces stand between the start of the line and <paramref name="offset"/>.</summary>
    public bool OnlySpacesBefore(int offset)
    {
        for (var i = LineStart(LineOf(offset)); i < offset; i++)
        {
            if (Text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>1-based line and column, as error messages and editors count.</summary>
    public (int Line, int Column) Position(int offset) => (LineOf(offset) + 1, Column(offset) + 1);
}
