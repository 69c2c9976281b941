using Pipelines.Failures;

namespace Pipelines.GoTemplates.Syntax;

/// <summary>
/// Splits a template into text and action tokens the way Go's text/template lexer does: <c>{{- </c> trims the
/// whitespace before an action, <c> -}}</c> the whitespace after it (the space next to the dash is required),
/// and <c>{{/* */}}</c> comments vanish.
/// </summary>
internal sealed partial class Lexer
{
    /// <summary>Go's spaceChars: what trim markers remove and what separates arguments.</summary>
    private const string SpaceChars = " \t\r\n";

    private readonly string _text;
    private readonly SourceMap _map;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private bool _spaceBefore;
    private int _parenDepth;

    private Lexer(string text, SourceMap map)
    {
        _text = text;
        _map = map;
    }

    public static IReadOnlyList<Token> Tokenize(string text, SourceMap map)
    {
        var lexer = new Lexer(text, map);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var open = _text.IndexOf("{{", _pos, StringComparison.Ordinal);
            if (open < 0)
            {
                EmitText(_text[_pos..], _pos);
                _pos = _text.Length;
                break;
            }
            var trimLeft = IsSpaceMarker(open + 2, dashFirst: true);
            var text = _text[_pos..open];
            EmitText(trimLeft ? text.TrimEnd(SpaceChars.ToCharArray()) : text, _pos);
            LexAction(open, trimLeft);
        }
        _tokens.Add(new Token(TokenKind.EndOfFile, "", _map.At(_text.Length)));
    }

    private void EmitText(string text, int offset)
    {
        if (text.Length > 0)
        {
            _tokens.Add(new Token(TokenKind.Text, text, _map.At(offset), Value: text));
        }
    }

    private void LexAction(int open, bool trimLeft)
    {
        _pos = open + 2 + (trimLeft ? 2 : 0);
        if (string.CompareOrdinal(_text, _pos, "/*", 0, 2) == 0)
        {
            LexComment(open);
            return;
        }
        if (_text.IndexOf("}}", _pos, StringComparison.Ordinal) < 0)
        {
            // Newlines are allowed inside actions, so without this the error would point at whatever
            // later text fails to lex as an action instead of at the '{{' that was never closed.
            throw Error(open, "unclosed action: '{{' is never closed by '}}'");
        }
        _tokens.Add(new Token(TokenKind.LeftDelim, "{{", _map.At(open)));
        _spaceBefore = true;
        _parenDepth = 0;
        while (!LexInsideAction(open)) { }
    }

    /// <summary>A comment must hug the delimiters: <c>{{/*</c> ... <c>*/}}</c>, or with trim markers.</summary>
    private void LexComment(int open)
    {
        var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error(open, "unclosed comment: '{{/*' is never closed by '*/}}'");
        }
        _pos = close + 2;
        if (!AtRightDelim(out var trim))
        {
            throw Error(close, "comment ends before closing delimiter: write '*/}}' (or '*/ -}}')");
        }
        ConsumeRightDelim(_pos, trim);
    }

    /// <summary>At <c>}}</c>, or at <c> -}}</c> (a trim marker).</summary>
    private bool AtRightDelim(out bool trim)
    {
        trim = IsSpaceMarker(_pos, dashFirst: false) && HasAt(_pos + 2, "}}");
        return trim || HasAt(_pos, "}}");
    }

    /// <summary>Moves past the delimiter starting at <paramref name="start"/> and, after a trim marker, past the following whitespace.</summary>
    private void ConsumeRightDelim(int start, bool trim)
    {
        _pos = start + (trim ? 2 : 0) + 2;
        if (trim)
        {
            while (_pos < _text.Length && SpaceChars.Contains(_text[_pos]))
            {
                _pos++;
            }
        }
    }

    /// <summary>Go's trim markers: "- " right after <c>{{</c>, " -" right before <c>}}</c>.</summary>
    private bool IsSpaceMarker(int at, bool dashFirst)
    {
        if (at + 1 >= _text.Length)
        {
            return false;
        }
        var (dash, space) = dashFirst ? (_text[at], _text[at + 1]) : (_text[at + 1], _text[at]);
        return dash == '-' && SpaceChars.Contains(space);
    }

    private bool HasAt(int at, string expected) =>
        at + expected.Length <= _text.Length
        && string.CompareOrdinal(_text, at, expected, 0, expected.Length) == 0;

    private SourceLocatedException Error(int offset, string message) =>
        TemplateErrors.At(_map.File, _map.At(offset), message);
}
