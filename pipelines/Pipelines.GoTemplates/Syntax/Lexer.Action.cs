namespace Pipelines.GoTemplates.Syntax;

internal sealed partial class Lexer
{
    private static readonly HashSet<string> Keywords =
    [
        "block",
        "break",
        "continue",
        "define",
        "else",
        "end",
        "if",
        "range",
        "nil",
        "template",
        "with",
    ];

    /// <summary>Lexes one token inside <c>{{ }}</c>; true once the closing delimiter was consumed.</summary>
    private bool LexInsideAction(int open)
    {
        if (AtRightDelim(out var trim))
        {
            if (_parenDepth > 0)
            {
                throw Error(_pos, "unclosed left paren: '(' without ')' before '}}'");
            }
            var start = _pos;
            Emit(TokenKind.RightDelim, start, start + 2 + (trim ? 2 : 0));
            ConsumeRightDelim(start, trim);
            return true;
        }
        if (_pos >= _text.Length)
        {
            throw Error(open, "unclosed action: '{{' is never closed by '}}'");
        }
        var c = _text[_pos];
        switch (c)
        {
            case ' ' or '\t' or '\r' or '\n':
                _pos++;
                _spaceBefore = true;
                return false;
            case '=':
                Emit(TokenKind.Assign, _pos, _pos + 1);
                break;
            case ':' when Peek(1) == '=':
                Emit(TokenKind.Declare, _pos, _pos + 2);
                break;
            case ':':
                throw Error(_pos, "expected ':=' after ':'");
            case '|':
                Emit(TokenKind.Pipe, _pos, _pos + 1);
                break;
            case ',':
                Emit(TokenKind.Comma, _pos, _pos + 1);
                break;
            case '(':
                _parenDepth++;
                Emit(TokenKind.LeftParen, _pos, _pos + 1);
                break;
            case ')':
                if (--_parenDepth < 0)
                {
                    throw Error(_pos, "unexpected right paren ')'");
                }
                Emit(TokenKind.RightParen, _pos, _pos + 1);
                break;
            case '"':
                LexQuoted();
                break;
            case '`':
                LexRaw();
                break;
            case '\'':
                LexChar();
                break;
            case '$':
                LexWord(TokenKind.Variable, _pos + 1);
                break;
            case '.' when !char.IsAsciiDigit(Peek(1)):
                LexWord(TokenKind.Field, _pos + 1);
                break;
            case var sign when sign is '.' or '+' or '-' || char.IsAsciiDigit(sign):
                LexNumber();
                break;
            case var letter when IsAlphaNumeric(letter):
                LexWord(TokenKind.Identifier, _pos);
                break;
            default:
                throw Error(
                    _pos,
                    $"unrecognized character in action: U+{(int)c:X4} '{c}' (actions hold fields like .Values.x, $variables, \"strings\", numbers, functions, '|' and parentheses)"
                );
        }
        return false;
    }

    /// <summary>A field (<c>.Name</c>, or <c>.</c> alone), a variable (<c>$name</c>, or <c>$</c>) or an identifier.</summary>
    private void LexWord(TokenKind kind, int wordStart)
    {
        var end = wordStart;
        while (end < _text.Length && IsAlphaNumeric(_text[end]))
        {
            end++;
        }
        if (kind == TokenKind.Field && end == wordStart)
        {
            kind = TokenKind.Dot;
        }
        if (!AtTerminator(end))
        {
            throw Error(
                end,
                $"bad character U+{(int)_text[end]:X4} '{_text[end]}' after '{_text[_pos..end]}'"
            );
        }
        var word = _text[_pos..end];
        if (kind == TokenKind.Identifier)
        {
            kind =
                word is "true" or "false" ? TokenKind.Bool
                : word == "nil" ? TokenKind.Nil
                : Keywords.Contains(word) ? TokenKind.Keyword
                : TokenKind.Identifier;
        }
        Emit(kind, _pos, end);
    }

    /// <summary>Go's atTerminator: what may directly follow a word without a space.</summary>
    private bool AtTerminator(int at) =>
        at >= _text.Length
        || SpaceChars.Contains(_text[at])
        || _text[at] is '.' or ',' or '|' or ':' or ')' or '('
        || HasAt(at, "}}");

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void Emit(TokenKind kind, int start, int end, string? value = null)
    {
        _tokens.Add(new Token(kind, _text[start..end], _map.At(start), _spaceBefore, value));
        _spaceBefore = false;
        _pos = end;
    }
}
