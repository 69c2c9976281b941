using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's regular expressions. .NET's engine reads RE2's common syntax the same way; replacements use Go's
/// template syntax (<c>$1</c>, <c>${name}</c>, where <c>$1x</c> names group "1x"), and an empty match right after
/// another match is skipped, as in Go. regexMatch treats a bad pattern as no match; the others fail.
/// </summary>
internal static class RegexFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new(
                "regexMatch",
                2,
                2,
                call => TryCompile(call.String(0)) is { } r && r.Regex.IsMatch(call.String(1))
            ),
            new("mustRegexMatch", 2, 2, call => Compile(call, 0).Regex.IsMatch(call.String(1))),
            new("regexFind", 2, 2, Find),
            new("mustRegexFind", 2, 2, Find),
            new("regexFindAll", 3, 3, FindAll),
            new("mustRegexFindAll", 3, 3, FindAll),
            new("regexReplaceAll", 3, 3, call => Replace(call, literal: false)),
            new("mustRegexReplaceAll", 3, 3, call => Replace(call, literal: false)),
            new("regexReplaceAllLiteral", 3, 3, call => Replace(call, literal: true)),
            new("mustRegexReplaceAllLiteral", 3, 3, call => Replace(call, literal: true)),
            new("regexSplit", 3, 3, Split),
            new("mustRegexSplit", 3, 3, Split),
            new("regexQuoteMeta", 1, 1, call => QuoteMeta(call.String(0))),
        ];

    private static GoRegex? TryCompile(string pattern) => GoRegex.TryCreate(pattern);

    private static GoRegex Compile(FunctionCall call, int index) =>
        TryCompile(call.String(index))
        ?? throw call.Fail($"error parsing regexp: invalid pattern `{call.String(index)}`");

    /// <summary>Go's FindAll: at most <paramref name="limit"/> matches (all when negative), no empty match right after a match.</summary>
    private static List<Match> Matches(GoRegex regex, string text, long limit)
    {
        var matches = new List<Match>();
        var previousEnd = -1;
        foreach (Match match in regex.Regex.Matches(text))
        {
            if (limit >= 0 && matches.Count >= limit)
            {
                break;
            }
            if (match.Length == 0 && match.Index == previousEnd)
            {
                continue;
            }
            matches.Add(match);
            previousEnd = match.Index + match.Length;
        }
        return matches;
    }

    private static object? Find(FunctionCall call) =>
        Matches(Compile(call, 0), call.String(1), 1).FirstOrDefault()?.Value ?? "";

    private static object? FindAll(FunctionCall call) =>
        Matches(Compile(call, 0), call.String(1), call.Int(2))
            .Select(m => (object?)m.Value)
            .ToList();

    /// <summary>regexReplaceAll REGEX TEXT REPLACEMENT.</summary>
    private static object? Replace(FunctionCall call, bool literal)
    {
        var regex = Compile(call, 0);
        var (text, replacement) = (call.String(1), call.String(2));
        var result = new StringBuilder();
        var last = 0;
        foreach (var match in Matches(regex, text, -1))
        {
            result.Append(text, last, match.Index - last);
            result.Append(literal ? replacement : Expand(regex, match, replacement));
            last = match.Index + match.Length;
        }
        return result.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>Go's Regexp.Expand: <c>$$</c> is a dollar, <c>$name</c> takes the longest run of letters, digits and '_'.</summary>
    private static string Expand(GoRegex regex, Match match, string template)
    {
        var result = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$' || i + 1 >= template.Length)
            {
                result.Append(template[i]);
                continue;
            }
            if (template[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }
            string name;
            var end = i + 1;
            if (template[end] == '{')
            {
                var close = template.IndexOf('}', end);
                name = close < 0 ? "" : template[(end + 1)..close];
                if (close < 0 || name.Length == 0 || !name.All(IsNameChar))
                {
                    result.Append('$');
                    continue;
                }
                end = close + 1;
            }
            else
            {
                while (end < template.Length && IsNameChar(template[end]))
                {
                    end++;
                }
                name = template[(i + 1)..end];
                if (name.Length == 0)
                {
                    result.Append('$');
                    continue;
                }
            }
            result.Append(Group(regex, match, name));
            i = end - 1;
        }
        return result.ToString();
    }

    /// <summary>A group by number or name; one that does not exist or did not take part expands to nothing.</summary>
    private static string Group(GoRegex regex, Match match, string name)
    {
        var number = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : regex.Names.GetValueOrDefault(name, -1);
        return number >= 0 && number < match.Groups.Count && match.Groups[number].Success
            ? match.Groups[number].Value
            : "";
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Go's Regexp.Split: at most n pieces (all when negative, none when 0).</summary>
    private static object? Split(FunctionCall call)
    {
        var regex = Compile(call, 0);
        var (text, n) = (call.String(1), call.Int(2));
        if (n == 0)
        {
            return null;
        }
        if (regex.Pattern.Length > 0 && text.Length == 0)
        {
            return new List<object?> { "" };
        }
        var pieces = new List<object?>();
        var (begin, end) = (0, 0);
        foreach (var match in Matches(regex, text, n))
        {
            if (n > 0 && pieces.Count == n - 1)
            {
                break;
            }
            end = match.Index;
            if (match.Index + match.Length != 0)
            {
                pieces.Add(text[begin..end]);
            }
            begin = match.Index + match.Length;
        }
        if (end != text.Length)
        {
            pieces.Add(text[begin..]);
        }
        return pieces;
    }

    /// <summary>Go's QuoteMeta: a backslash before each of <c>\.+*?()|[]{}^$</c>.</summary>
    private static string QuoteMeta(string text) =>
        string.Concat(text.Select(c => @"\.+*?()|[]{}^$".Contains(c) ? "\\" + c : c.ToString()));
}
