namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's string functions. Argument order follows sprig, built for pipelines: the string being worked on
/// comes last (<c>.x | trimSuffix "-"</c>, <c>replace "old" "new" .x</c>, <c>contains "sub" .x</c>).
/// </summary>
internal static class StringFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("upper", 1, 1, call => call.String(0).ToUpperInvariant()),
            new("lower", 1, 1, call => call.String(0).ToLowerInvariant()),
            new("trim", 1, 1, call => TrimSpace(call.String(0))),
            new("trimSuffix", 2, 2, call => TrimSuffix(call.String(1), call.String(0))),
            new("trimPrefix", 2, 2, call => TrimPrefix(call.String(1), call.String(0))),
            new("replace", 3, 3, call => Replace(call.String(2), call.String(0), call.String(1))),
            new(
                "contains",
                2,
                2,
                call => call.String(1).Contains(call.String(0), StringComparison.Ordinal)
            ),
            new(
                "hasPrefix",
                2,
                2,
                call => call.String(1).StartsWith(call.String(0), StringComparison.Ordinal)
            ),
            new(
                "hasSuffix",
                2,
                2,
                call => call.String(1).EndsWith(call.String(0), StringComparison.Ordinal)
            ),
            new("indent", 2, 2, call => Indent(call.Int(0), call.String(1))),
            new("nindent", 2, 2, call => "\n" + Indent(call.Int(0), call.String(1))),
            new("split", 2, 2, Split),
            new(
                "splitList",
                2,
                2,
                call => SplitList(call.String(1), call.String(0)).Cast<object?>().ToList()
            ),
        ];

    /// <summary>sprig indent: every line, including the first, gets the padding.</summary>
    private static string Indent(long spaces, string text)
    {
        var pad = new string(' ', (int)Math.Max(spaces, 0));
        return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    /// <summary>sprig split gives a map keyed _0, _1, ... (splitList gives a list).</summary>
    private static object? Split(FunctionCall call) =>
        SplitList(call.String(1), call.String(0))
            .Select((part, i) => (Key: $"_{i}", Value: (object?)part))
            .ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Go's strings.Split: an empty separator splits into characters.</summary>
    private static IEnumerable<string> SplitList(string text, string separator) =>
        separator.Length == 0
            ? text.EnumerateRunes().Select(r => r.ToString())
            : text.Split(separator, StringSplitOptions.None);

    /// <summary>Go's strings.Replace with n = -1: an empty old string inserts between every character.</summary>
    private static string Replace(string text, string old, string replacement) =>
        old.Length == 0
            ? replacement + string.Concat(text.EnumerateRunes().Select(r => r + replacement))
            : text.Replace(old, replacement, StringComparison.Ordinal);

    private static string TrimSuffix(string text, string suffix) =>
        suffix.Length > 0 && text.EndsWith(suffix, StringComparison.Ordinal)
            ? text[..^suffix.Length]
            : text;

    private static string TrimPrefix(string text, string prefix) =>
        prefix.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal)
            ? text[prefix.Length..]
            : text;

    /// <summary>Go's strings.TrimSpace trims Unicode white space, which char.IsWhiteSpace matches.</summary>
    private static string TrimSpace(string text) => text.Trim();
}
