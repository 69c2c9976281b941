using System.Text;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's remaining string functions: cutting (trunc, substr, abbrev), repeating, case (title, untitle,
/// swapcase), white space (nospace, trimAll), initials, plural and cat. Lengths count bytes, as Go's do.
/// </summary>
internal static class TextFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("hello", 0, 0, _ => "Hello!"),
            new("trunc", 2, 2, call => Truncate(call.Int(0), call.String(1))),
            new("substr", 3, 3, Substring),
            new("abbrev", 2, 2, call => Abbreviate(call.Int(0), call.String(1))),
            new("abbrevboth", 3, 3, AbbreviateBoth),
            new("repeat", 2, 2, Repeat),
            new("trimAll", 2, 2, call => call.String(1).Trim(call.String(0).ToCharArray())),
            new("trimall", 2, 2, call => call.String(1).Trim(call.String(0).ToCharArray())),
            new("title", 1, 1, call => Title(call.String(0))),
            new("untitle", 1, 1, call => Untitle(call.String(0))),
            new("swapcase", 1, 1, call => SwapCase(call.String(0))),
            new(
                "nospace",
                1,
                1,
                call => string.Concat(call.String(0).Where(c => !char.IsWhiteSpace(c)))
            ),
            new("initials", 1, 1, call => Initials(call.String(0))),
            new("plural", 3, 3, call => call.Int(2) == 1 ? call.String(0) : call.String(1)),
            new(
                "cat",
                0,
                null,
                call =>
                    string.Join(' ', call.Arguments.Where(a => a is not null).Select(GoCast.ToText))
            ),
            new("splitn", 3, 3, SplitN),
            new("toStrings", 1, 1, call => GoCast.Strings(call[0]).Cast<object?>().ToList()),
            new("sortAlpha", 1, 1, SortAlpha),
        ];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string Truncate(long count, string text)
    {
        var bytes = Bytes(text);
        if (count < 0 && bytes.Length + count > 0)
        {
            return Text(bytes[(int)(bytes.Length + count)..]);
        }
        return count >= 0 && bytes.Length > count ? Text(bytes[..(int)count]) : text;
    }

    /// <summary>sprig's substr: a negative start means from 0, a negative or too large end means to the end.</summary>
    private static object? Substring(FunctionCall call)
    {
        var (start, end, bytes) = (call.Int(0), call.Int(1), Bytes(call.String(2)));
        if (start < 0)
        {
            start = 0;
        }
        if (end < 0 || end > bytes.Length)
        {
            end = bytes.Length;
        }
        return start > end
            ? throw call.Fail($"runtime error: slice bounds out of range [{start}:{end}]")
            : Text(bytes[(int)start..(int)end]);
    }

    /// <summary>goutils.Abbreviate: cut to <paramref name="width"/> bytes ending in "..."; widths under 4 leave the text.</summary>
    private static string Abbreviate(long width, string text) =>
        width < 4 ? text : AbbreviateFull(text, 0, (int)width);

    private static object? AbbreviateBoth(FunctionCall call)
    {
        var (left, right, text) = (call.Int(0), call.Int(1), call.String(2));
        return right < 4 || (left > 0 && right < 7)
            ? text
            : AbbreviateFull(text, (int)left, (int)right);
    }

    /// <summary>commons-lang's abbreviate with an offset, as goutils ports it.</summary>
    private static string AbbreviateFull(string text, int offset, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }
        offset = Math.Min(offset, text.Length);
        if (text.Length - offset < width - 3)
        {
            offset = text.Length - (width - 3);
        }
        if (offset <= 4)
        {
            return text[..(width - 3)] + "...";
        }
        if (offset + width - 3 < text.Length)
        {
            return "..." + AbbreviateFull(text[offset..], 0, width - 3);
        }
        return "..." + text[(text.Length - (width - 3))..];
    }

    private static object? Repeat(FunctionCall call)
    {
        var count = call.Int(0);
        return count < 0
            ? throw call.Fail("strings: negative Repeat count")
            : string.Concat(Enumerable.Repeat(call.String(1), (int)count));
    }

    /// <summary>Go's strings.Title: the first letter after a separator (anything but a letter, digit or '_') is upper-cased.</summary>
    private static string Title(string text)
    {
        var result = new StringBuilder();
        var previous = ' ';
        foreach (var c in text)
        {
            var separator = !(char.IsLetterOrDigit(previous) || previous == '_');
            result.Append(separator ? char.ToUpperInvariant(c) : c);
            previous = c;
        }
        return result.ToString();
    }

    /// <summary>goutils.Uncapitalize: the first letter of every white-space separated word lower-cased.</summary>
    private static string Untitle(string text)
    {
        var result = new StringBuilder();
        var afterSpace = true;
        foreach (var c in text)
        {
            result.Append(afterSpace ? char.ToLowerInvariant(c) : c);
            afterSpace = char.IsWhiteSpace(c);
        }
        return result.ToString();
    }

    private static string SwapCase(string text) =>
        string.Concat(
            text.Select(c =>
                char.IsUpper(c) ? char.ToLowerInvariant(c)
                : char.IsLower(c) ? char.ToUpperInvariant(c)
                : c
            )
        );

    /// <summary>goutils.Initials: the first character of each white-space separated word.</summary>
    private static string Initials(string text) =>
        string.Concat(
            text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w[0])
        );

    /// <summary>sprig's splitn: a map keyed _0, _1, ... from strings.SplitN.</summary>
    private static object? SplitN(FunctionCall call)
    {
        var (separator, count, text) = (call.String(0), call.Int(1), call.String(2));
        string[] parts;
        if (count == 0)
        {
            parts = [];
        }
        else if (separator.Length > 0)
        {
            parts = count < 0 ? text.Split(separator) : text.Split(separator, (int)count);
        }
        else
        {
            // An empty separator splits after each character, the last part keeping the rest.
            var characters = text.EnumerateRunes().Select(r => r.ToString()).ToList();
            var taken = count < 0 || count > characters.Count ? characters.Count : (int)count;
            parts =
                taken == 0
                    ? []
                    : [.. characters.Take(taken - 1), string.Concat(characters.Skip(taken - 1))];
        }
        return parts
            .Select((part, i) => (Key: $"_{i}", Value: (object?)part))
            .ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>sprig's sortAlpha: a list's elements as strings, sorted byte-wise; anything else a one-element list.</summary>
    private static object? SortAlpha(FunctionCall call) =>
        call[0] is IReadOnlyList<object?>
            ? GoCast.Strings(call[0]).Order(StringComparer.Ordinal).Cast<object?>().ToList()
            : new List<object?> { GoCast.ToText(call[0]) };
}
