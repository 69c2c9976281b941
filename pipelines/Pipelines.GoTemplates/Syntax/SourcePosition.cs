namespace Pipelines.GoTemplates.Syntax;

/// <summary>A 1-based line and column (in characters) inside a template file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>Turns character offsets into line and column, once per template.</summary>
internal sealed class SourceMap
{
    private readonly List<int> _lineStarts = [0];

    public SourceMap(string text, string file)
    {
        File = file;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string File { get; }

    public SourcePosition At(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(line + 1, offset - _lineStarts[line] + 1);
    }
}
