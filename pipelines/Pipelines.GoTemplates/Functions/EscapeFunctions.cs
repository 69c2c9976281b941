using System.Globalization;
using System.Text;
using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// Go's html, js and urlquery builtins. Each takes any arguments: one string is used as it is, anything else is
/// joined as fmt.Sprint joins it.
/// </summary>
internal static class EscapeFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("html", 0, null, call => Html(Text(call))),
            new("js", 0, null, call => Js(Text(call))),
            new("urlquery", 0, null, call => QueryEscape(Text(call))),
        ];

    private static string Text(FunctionCall call) =>
        call is { Count: 1 } && call[0] is string text ? text : GoFormat.Sprint(call.Arguments);

    private static string Html(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(
                c switch
                {
                    '\0' => "\uFFFD",
                    '"' => "&#34;",
                    '\'' => "&#39;",
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    _ => c.ToString(),
                }
            );
        }
        return escaped.ToString();
    }

    /// <summary>Go's JSEscapeString: quotes and backslash escaped, markup characters and controls as \uXXXX.</summary>
    private static string Js(string text)
    {
        var escaped = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            var replacement = c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                '<' => "\\u003C",
                '>' => "\\u003E",
                '&' => "\\u0026",
                '=' => "\\u003D",
                < ' ' => "\\u00" + c.ToString("X2", CultureInfo.InvariantCulture),
                < 0x80 => null,
                _ when IsPrint(rune) => null,
                _ => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture),
            };
            escaped.Append(replacement ?? rune.ToString());
        }
        return escaped.ToString();
    }

    private static bool IsPrint(Rune rune) =>
        Rune.GetUnicodeCategory(rune)
            is not (
                UnicodeCategory.Control
                or UnicodeCategory.Format
                or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator
            )
        || rune.Value == ' ';

    /// <summary>Go's url.QueryEscape: unreserved characters kept, space as '+', every other byte as %XX.</summary>
    public static string QueryEscape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                escaped.Append(c);
            }
            else if (c == ' ')
            {
                escaped.Append('+');
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return escaped.ToString();
    }
}
