namespace Pipelines.GoTemplates.Syntax;

internal sealed partial class Lexer
{
    private void LexQuoted()
    {
        var start = _pos;
        var end = ScanQuoted('"', "unterminated quoted string");
        var value = Decode(start, _text[(start + 1)..(end - 1)], '"');
        Emit(TokenKind.String, start, end, value);
    }

    /// <summary>Raw strings keep everything but carriage returns, as Go's strconv.Unquote does.</summary>
    private void LexRaw()
    {
        var start = _pos;
        var close = _text.IndexOf('`', start + 1);
        if (close < 0)
        {
            throw Error(start, "unterminated raw quoted string: '`' is never closed");
        }
        var value = _text[(start + 1)..close].Replace("\r", "", StringComparison.Ordinal);
        Emit(TokenKind.String, start, close + 1, value);
    }

    /// <summary>A character constant such as <c>'a'</c>; Go treats it as the integer code point.</summary>
    private void LexChar()
    {
        var start = _pos;
        var end = ScanQuoted('\'', "unterminated character constant");
        var value = Decode(start, _text[(start + 1)..(end - 1)], '\'');
        if (value.EnumerateRunes().Count() != 1)
        {
            throw Error(start, $"malformed character constant: {_text[start..end]}");
        }
        Emit(TokenKind.Char, start, end, value);
    }

    private int ScanQuoted(char quote, string unterminated)
    {
        var at = _pos + 1;
        while (true)
        {
            if (at >= _text.Length || _text[at] == '\n')
            {
                throw Error(_pos, unterminated);
            }
            if (_text[at] == '\\')
            {
                at += 2;
                continue;
            }
            if (_text[at] == quote)
            {
                return at + 1;
            }
            at++;
        }
    }

    private string Decode(int start, string content, char quote)
    {
        try
        {
            return GoEscapes.Unescape(content, quote);
        }
        catch (FormatException exception)
        {
            throw Error(start, exception.Message);
        }
    }

    /// <summary>Go's scanNumber: sign, base prefix, digits, fraction, exponent; the parser validates the value.</summary>
    private void LexNumber()
    {
        var start = _pos;
        var at = _pos;
        if (_text[at] is '+' or '-')
        {
            at++;
        }
        var digits = "0123456789_";
        if (at < _text.Length && _text[at] == '0' && at + 1 < _text.Length)
        {
            digits = char.ToLowerInvariant(_text[at + 1]) switch
            {
                'x' => "0123456789abcdefABCDEF_",
                'o' => "01234567_",
                'b' => "01_",
                _ => digits,
            };
            at += digits.Length == 11 ? 0 : 2;
        }
        at = SkipAll(at, digits);
        if (at < _text.Length && _text[at] == '.')
        {
            at = SkipAll(at + 1, digits);
        }
        if (digits.Length == 11 && at < _text.Length && _text[at] is 'e' or 'E')
        {
            at = SkipAll(
                at + 1 < _text.Length && _text[at + 1] is '+' or '-' ? at + 2 : at + 1,
                digits
            );
        }
        if (at < _text.Length && IsAlphaNumeric(_text[at]))
        {
            throw Error(start, $"bad number syntax: '{_text[start..(at + 1)]}'");
        }
        Emit(TokenKind.Number, start, at);
    }

    private int SkipAll(int at, string allowed)
    {
        while (at < _text.Length && allowed.Contains(_text[at]))
        {
            at++;
        }
        return at;
    }
}
