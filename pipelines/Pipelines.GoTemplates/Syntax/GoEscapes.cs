using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Syntax;

/// <summary>
/// Go's escape sequences in quoted strings and character constants (strconv.Unquote): <c>\n \t \" \\ \x41 \101
/// \u00e9 \U0001F600</c> and friends. <c>\x</c> and octal escapes are bytes, so the result is decoded as UTF-8.
/// </summary>
internal static class GoEscapes
{
    public static string Unescape(string content, char quote)
    {
        if (!content.Contains('\\'))
        {
            return content;
        }
        var bytes = new List<byte>(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] != '\\')
            {
                var width = char.IsSurrogatePair(content, i) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(content.Substring(i, width)));
                i += width - 1;
                continue;
            }
            i = Escape(content, i + 1, quote, bytes);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Decodes the escape whose letter is at <paramref name="at"/>; returns the index of its last character.</summary>
    private static int Escape(string content, int at, char quote, List<byte> bytes)
    {
        var letter = at < content.Length ? content[at] : '\0';
        char? simple = letter switch
        {
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            '\\' => '\\',
            _ when letter == quote => quote,
            _ => null,
        };
        if (simple is { } c)
        {
            bytes.Add((byte)c);
            return at;
        }
        switch (letter)
        {
            case 'x':
                bytes.Add((byte)Hex(content, at + 1, 2));
                return at + 2;
            case 'u' or 'U':
                var length = letter == 'u' ? 4 : 8;
                var rune = Hex(content, at + 1, length);
                if (!Rune.IsValid(rune))
                {
                    throw new FormatException(
                        $"invalid Unicode code point in escape \\{content.Substring(at, length + 1)}"
                    );
                }
                bytes.AddRange(Encoding.UTF8.GetBytes(new Rune(rune).ToString()));
                return at + length;
            case >= '0' and <= '7':
                var octal = at + 3 <= content.Length ? content.Substring(at, 3) : "";
                if (
                    octal.Length != 3
                    || octal.Any(d => d is < '0' or > '7')
                    || Convert.ToInt32(octal, 8) > 255
                )
                {
                    throw new FormatException(
                        $"invalid octal escape \\{content[at..Math.Min(at + 3, content.Length)]}"
                    );
                }
                bytes.Add((byte)Convert.ToInt32(octal, 8));
                return at + 2;
            default:
                throw new FormatException(
                    $"unknown escape sequence \\{letter} (Go supports \\a \\b \\f \\n \\r \\t \\v \\\\ \\{quote} \\xHH \\ooo \\uHHHH \\UHHHHHHHH)"
                );
        }
    }

    private static int Hex(string content, int at, int length)
    {
        if (
            at + length > content.Length
            || !int.TryParse(
                content.AsSpan(at, length),
                NumberStyles.AllowHexSpecifier,
                CultureInfo.InvariantCulture,
                out var value
            )
        )
        {
            throw new FormatException($"invalid hexadecimal escape: expected {length} hex digits");
        }
        return value;
    }
}
