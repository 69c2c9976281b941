using System.Text;

namespace Pipelines.GoTemplates.Formatting;

/// <summary>
/// Go's net/url for what sprig's <c>urlParse</c> and <c>urlJoin</c> use: Parse (scheme, opaque, authority, unescaped
/// path, raw query, unescaped fragment) and URL.String (escaping path and fragment as Go does).
/// </summary>
internal sealed record GoUrl(
    string Scheme,
    string? UserInfo,
    string Host,
    string Path,
    string RawQuery,
    string Opaque,
    string Fragment
)
{
    /// <summary>The host without its port and without IPv6 brackets, as URL.Hostname.</summary>
    public string Hostname
    {
        get
        {
            if (Host.StartsWith('['))
            {
                var close = Host.IndexOf(']', StringComparison.Ordinal);
                return close < 0 ? Host[1..] : Host[1..close];
            }
            var colon = Host.LastIndexOf(':');
            return colon < 0 ? Host : Host[..colon];
        }
    }

    public static GoUrl Parse(string raw)
    {
        try
        {
            return ParseUrl(raw);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"parse {GoQuote.Quote(raw)}: {exception.Message}");
        }
    }

    private static GoUrl ParseUrl(string raw)
    {
        if (raw.Any(c => c < 0x20 || c == 0x7f))
        {
            throw new FormatException("net/url: invalid control character in URL");
        }
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? "" : Unescape(raw[(hash + 1)..]);
        var rest = hash < 0 ? raw : raw[..hash];
        if (rest == "*")
        {
            return new GoUrl("", null, "", "*", "", "", fragment);
        }
        var (scheme, afterScheme) = SplitScheme(rest);
        rest = afterScheme;
        var query = "";
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            (rest, query) = (rest[..question], rest[(question + 1)..]);
        }
        if (!rest.StartsWith('/'))
        {
            if (scheme.Length > 0)
            {
                return new GoUrl(scheme, null, "", "", query, rest, fragment);
            }
            if (rest.Split('/')[0].Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException("first path segment in URL cannot contain colon");
            }
        }
        string? userInfo = null;
        var host = "";
        if (
            (scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal))
            && rest.StartsWith("//", StringComparison.Ordinal)
        )
        {
            var authority = rest[2..];
            var slash = authority.IndexOf('/', StringComparison.Ordinal);
            (authority, rest) =
                slash < 0 ? (authority, "") : (authority[..slash], authority[slash..]);
            var at = authority.LastIndexOf('@');
            (userInfo, host) =
                at < 0 ? (null, authority) : (authority[..at], authority[(at + 1)..]);
            host = Unescape(host);
        }
        return new GoUrl(scheme, userInfo, host, Unescape(rest), query, "", fragment);
    }

    /// <summary>Go's getScheme: letters, then letters, digits, '+', '-' or '.', then ':'; lower-cased.</summary>
    private static (string Scheme, string Remainder) SplitScheme(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }
            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return ("", raw);
                }
                continue;
            }
            if (c == ':')
            {
                return i == 0
                    ? throw new FormatException("missing protocol scheme")
                    : (raw[..i].ToLowerInvariant(), raw[(i + 1)..]);
            }
            return ("", raw);
        }
        return ("", raw);
    }

    private static string Unescape(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }
            if (
                i + 2 >= text.Length
                || !Uri.IsHexDigit(text[i + 1])
                || !Uri.IsHexDigit(text[i + 2])
            )
            {
                var bad = text[i..Math.Min(i + 3, text.Length)];
                throw new FormatException($"invalid URL escape {GoQuote.Quote(bad)}");
            }
            bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
            i += 2;
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>URL.String.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Scheme.Length > 0)
        {
            text.Append(Scheme).Append(':');
        }
        if (Opaque.Length > 0)
        {
            text.Append(Opaque);
        }
        else
        {
            if (Scheme.Length > 0 || Host.Length > 0 || UserInfo is not null)
            {
                if (Host.Length > 0 || Path.Length > 0 || UserInfo is not null)
                {
                    text.Append("//");
                }
                if (UserInfo is not null)
                {
                    text.Append(UserInfo).Append('@');
                }
                text.Append(Escape(Host, Mode.Host));
            }
            var path = Escape(Path, Mode.Path);
            if (path.Length > 0 && path[0] != '/' && Host.Length > 0)
            {
                text.Append('/');
            }
            if (text.Length == 0 && path.Split('/')[0].Contains(':', StringComparison.Ordinal))
            {
                text.Append("./");
            }
            text.Append(path);
        }
        if (RawQuery.Length > 0)
        {
            text.Append('?').Append(RawQuery);
        }
        if (Fragment.Length > 0)
        {
            text.Append('#').Append(Escape(Fragment, Mode.Fragment));
        }
        return text.ToString();
    }

    private enum Mode
    {
        Host,
        Path,
        Fragment,
    }

    private static string Escape(string text, Mode mode)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && !ShouldEscape(c, mode))
            {
                result.Append(c);
            }
            else
            {
                result
                    .Append('%')
                    .Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }

    /// <summary>Go's shouldEscape for the three modes URL.String uses.</summary>
    private static bool ShouldEscape(char c, Mode mode)
    {
        if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
        {
            return false;
        }
        if (
            mode == Mode.Host
            && c
                is '!'
                    or '$'
                    or '&'
                    or '\''
                    or '('
                    or ')'
                    or '*'
                    or '+'
                    or ','
                    or ';'
                    or '='
                    or ':'
                    or '['
                    or ']'
                    or '<'
                    or '>'
                    or '"'
        )
        {
            return false;
        }
        if (c is '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '?' or '@')
        {
            return mode == Mode.Path && c == '?';
        }
        return !(mode == Mode.Fragment && c is '!' or '(' or ')' or '*');
    }
}
