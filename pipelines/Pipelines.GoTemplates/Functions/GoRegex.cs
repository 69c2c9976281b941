using System.Text;
using System.Text.RegularExpressions;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// An RE2 pattern run on .NET's engine. Two differences are translated: Go numbers groups in the order their
/// parentheses open, named or not (.NET numbers named groups last), and accepts <c>(?P&lt;name&gt;...)</c>; and
/// Go's <c>$</c> without the m flag matches only at the very end, where .NET also matches before a final newline.
/// </summary>
internal sealed record GoRegex(string Pattern, Regex Regex, IReadOnlyDictionary<string, int> Names)
{
    public static GoRegex? TryCreate(string pattern)
    {
        var (translated, names) = Translate(pattern);
        try
        {
            var regex = new Regex(
                translated,
                RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(5)
            );
            return new GoRegex(pattern, regex, names);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Named groups become plain ones (their numbers remembered), and a bare <c>$</c> becomes <c>\z</c>.</summary>
    private static (string Pattern, Dictionary<string, int> Names) Translate(string pattern)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var multiline = Regex.IsMatch(pattern, @"\(\?[a-zA-Z]*m");
        var result = new StringBuilder();
        var group = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    result.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        result.Append(pattern[++i]);
                    }
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        result.Append(pattern[++i]);
                    }
                    break;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] != '?':
                    group++;
                    result.Append(c);
                    break;
                case '(' when NamedGroup(pattern, i) is var (name, length) && name is not null:
                    names[name] = ++group;
                    result.Append('(');
                    i += length - 1;
                    break;
                case '$' when !multiline:
                    result.Append(@"\z");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return (result.ToString(), names);
    }

    /// <summary>The name and source length of <c>(?P&lt;name&gt;</c> or <c>(?&lt;name&gt;</c> at <paramref name="at"/>.</summary>
    private static (string? Name, int Length) NamedGroup(string pattern, int at)
    {
        foreach (var opener in new[] { "(?P<", "(?<" })
        {
            if (string.CompareOrdinal(pattern, at, opener, 0, opener.Length) != 0)
            {
                continue;
            }
            var close = pattern.IndexOf('>', at + opener.Length);
            var name = close < 0 ? "" : pattern[(at + opener.Length)..close];
            if (name.Length > 0 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                return (name, close - at + 1);
            }
        }
        return (null, 0);
    }
}
