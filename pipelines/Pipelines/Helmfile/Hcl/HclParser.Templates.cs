using System.Text;

namespace Pipelines.Helmfile.Hcl;

/// <summary>Quoted strings and heredocs: literal text, escapes and <c>${}</c> interpolations.</summary>
internal sealed partial class HclParser
{
    /// <summary>A quoted template: literal text, escapes and <c>${}</c> interpolations, up to <paramref name="closing"/>.</summary>
    private HclExpression Template(HclPosition position, char closing)
    {
        var parts = new List<HclExpression>();
        var literal = new StringBuilder();
        var literalAt = Position;
        while (true)
        {
            if (AtEnd || (closing == '"' && Peek == '\n'))
            {
                if (closing == '\0')
                {
                    AppendLiteral(parts, literal, literalAt);
                    return new HclTemplate(position, parts);
                }
                throw Error(position, "the string is not closed: '\"' expected on the same line");
            }
            var c = Peek;
            if (c == closing)
            {
                Advance();
                AppendLiteral(parts, literal, literalAt);
                return new HclTemplate(position, parts);
            }
            if (c == '\\' && closing == '"')
            {
                Advance();
                var escape = Peek;
                Advance();
                literal.Append(
                    escape switch
                    {
                        'n' => "\n",
                        'r' => "\r",
                        't' => "\t",
                        '"' => "\"",
                        '\\' => "\\",
                        'u' => Utf32(Take(4)),
                        'U' => Utf32(Take(8)),
                        _ => throw Error(Position, $"unknown escape sequence \\{escape}"),
                    }
                );
                continue;
            }
            if ((c == '$' || c == '%') && PeekAt(1) == c && PeekAt(2) == '{')
            {
                literal.Append(c).Append('{');
                Advance();
                Advance();
                Advance();
                continue;
            }
            if (c == '%' && PeekAt(1) == '{')
            {
                throw Error(
                    Position,
                    "template directives (%{ if }, %{ for }) are not supported by the native renderer"
                );
            }
            if (c == '$' && PeekAt(1) == '{')
            {
                AppendLiteral(parts, literal, literalAt);
                Advance();
                Advance();
                parts.Add(Expression());
                Expect('}');
                literalAt = Position;
                continue;
            }
            literal.Append(c);
            Advance();
        }
    }

    private string Take(int count)
    {
        var start = _index;
        for (var i = 0; i < count && !AtEnd; i++)
        {
            Advance();
        }
        return _text[start.._index];
    }

    /// <summary><c>&lt;&lt;EOT</c> or the indented <c>&lt;&lt;-EOT</c> form, up to a line holding only the marker.</summary>
    private HclExpression Heredoc(HclPosition position)
    {
        Advance();
        Advance();
        var indented = Peek == '-';
        if (indented)
        {
            Advance();
        }
        var marker = Identifier() ?? throw Error(Position, "a heredoc marker (<<EOT) is expected");
        while (!AtEnd && Peek != '\n')
        {
            Advance();
        }
        Advance();
        var bodyLine = _line;
        var lines = new List<string>();
        while (true)
        {
            if (AtEnd)
            {
                throw Error(
                    position,
                    $"the heredoc is not closed: a line holding only {marker} is expected"
                );
            }
            var end = _text.IndexOf('\n', _index);
            var line = end < 0 ? _text[_index..] : _text[_index..end];
            while (!AtEnd && Peek != '\n')
            {
                Advance();
            }
            if (!AtEnd)
            {
                Advance();
            }
            if (line.Trim() == marker)
            {
                break;
            }
            lines.Add(line + "\n");
        }
        if (indented && lines.Count > 0)
        {
            var indent = lines
                .Where(l => l.Trim().Length > 0)
                .Select(l => l.Length - l.TrimStart(' ', '\t').Length)
                .DefaultIfEmpty(0)
                .Min();
            lines =
            [
                .. lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ', '\t')),
            ];
        }
        return new HclParser(string.Concat(lines), _file, bodyLine).Template(
            position,
            closing: '\0'
        );
    }
}
