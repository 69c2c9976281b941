using System.Text;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's case conversions (from huandu/xstrings) and word wrapping (from goutils). snakecase and kebabcase
/// split words at separators (space, '_', '-', '.'), at a lower-to-upper change and at the end of an acronym
/// ("HTTPServer" is http_server); camelcase capitalises each such word and joins them.
/// </summary>
internal static class CaseFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("snakecase", 1, 1, call => Join(Words(call.String(0)), '_')),
            new("kebabcase", 1, 1, call => Join(Words(call.String(0)), '-')),
            new("camelcase", 1, 1, call => Camel(call.String(0))),
            new(
                "wrap",
                2,
                2,
                call => Wrap(call.String(1), (int)call.Int(0), "\n", wrapLongWords: false)
            ),
            new(
                "wrapWith",
                3,
                3,
                call => Wrap(call.String(2), (int)call.Int(0), call.String(1), wrapLongWords: true)
            ),
        ];

    private static string Join(IEnumerable<string> words, char connector) =>
        string.Join(connector, words.Select(w => w.ToLowerInvariant()));

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '_' or '-' or '.' || char.IsWhiteSpace(c))
            {
                Flush();
                continue;
            }
            if (word.Length > 0 && char.IsUpper(c))
            {
                var previous = word[^1];
                var nextIsLower = i + 1 < text.Length && char.IsLower(text[i + 1]);
                if (
                    char.IsLower(previous)
                    || char.IsDigit(previous)
                    || (char.IsUpper(previous) && nextIsLower)
                )
                {
                    Flush();
                }
            }
            word.Append(c);
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>xstrings.ToCamelCase: leading underscores stay, then each word capitalised ("HTTP_SERVER" is HttpServer).</summary>
    private static string Camel(string text)
    {
        var lead = text.Length - text.TrimStart('_').Length;
        return text[..lead]
            + string.Concat(
                Words(text[lead..])
                    .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant())
            );
    }

    /// <summary>goutils.WrapCustom: breaks at the last space that fits; long words break only with wrapLongWords.</summary>
    private static string Wrap(string text, int width, string newline, bool wrapLongWords)
    {
        if (text.Length == 0)
        {
            return "";
        }
        if (newline.Length == 0)
        {
            newline = "\n";
        }
        width = Math.Max(width, 1);
        var offset = 0;
        var wrapped = new StringBuilder();
        while (text.Length - offset > width)
        {
            if (text[offset] == ' ')
            {
                offset++;
                continue;
            }
            var end = Math.Min(width + offset + 1, text.Length);
            var space = text.LastIndexOf(' ', end - 1, end - offset);
            if (space >= offset)
            {
                wrapped.Append(text, offset, space - offset).Append(newline);
                offset = space + 1;
            }
            else if (wrapLongWords)
            {
                wrapped.Append(text, offset, width).Append(newline);
                offset += width;
            }
            else
            {
                var next = text.IndexOf(' ', width + offset);
                if (next < 0)
                {
                    wrapped.Append(text, offset, text.Length - offset);
                    offset = text.Length;
                }
                else
                {
                    wrapped.Append(text, offset, next - offset).Append(newline);
                    offset = next + 1;
                }
            }
        }
        return wrapped.Append(text, offset, text.Length - offset).ToString();
    }
}
