using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// A parsed <c>labelSelector</c> (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
/// <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, comma-separated and all required) or
/// <c>fieldSelector</c> (<c>metadata.name</c> and <c>metadata.namespace</c> with =, ==, !=).
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly List<Func<Func<string, string?>, bool>> _requirements = [];

    public static LabelSelector Everything { get; } = new();

    public static LabelSelector ParseLabels(string? text) => Parse(text, fieldSelector: false);

    public static LabelSelector ParseFields(string? text) => Parse(text, fieldSelector: true);

    public bool Matches(JsonObject obj, bool fieldSelector)
    {
        var labels = obj["metadata"]?["labels"] as JsonObject;
        string? Lookup(string key) =>
            fieldSelector
                ? (string?)obj["metadata"]?[key.Replace("metadata.", "", StringComparison.Ordinal)]
            : labels?[key] is JsonValue v ? (string?)v
            : null;
        return _requirements.All(requirement => requirement(Lookup));
    }

    private static LabelSelector Parse(string? text, bool fieldSelector)
    {
        var selector = new LabelSelector();
        foreach (var term in SplitTerms(text ?? "").Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            selector._requirements.Add(ParseTerm(term, fieldSelector));
        }
        return selector;
    }

    private static Func<Func<string, string?>, bool> ParseTerm(string term, bool fieldSelector)
    {
        if (SetTerm().Match(term) is { Success: true } set && !fieldSelector)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToHashSet();
            return set.Groups["op"].Value == "in"
                ? get => get(key) is { } v && values.Contains(v)
                : get => get(key) is not { } v || !values.Contains(v);
        }
        if (EqualityTerm().Match(term) is { Success: true } equality)
        {
            var key = equality.Groups["key"].Value;
            var value = equality.Groups["value"].Value.Trim();
            if (fieldSelector && key is not ("metadata.name" or "metadata.namespace"))
            {
                throw StatusResponses.BadRequest($"field label not supported: {key}");
            }
            return equality.Groups["op"].Value == "!="
                ? get => get(key) != value
                : get => get(key) == value;
        }
        if (!fieldSelector && ExistenceTerm().Match(term) is { Success: true } existence)
        {
            var key = existence.Groups["key"].Value;
            return existence.Groups["not"].Success
                ? get => get(key) is null
                : get => get(key) is not null;
        }
        throw StatusResponses.BadRequest(
            $"unable to parse requirement: found '{term}', expected: in, notin, =, ==, !="
        );
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch
            {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    [GeneratedRegex(@"^(?<key>[^\s!=(),]+)\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetTerm();

    [GeneratedRegex(@"^(?<key>[^\s!=(),]+)\s*(?<op>==|=|!=)\s*(?<value>[^\s!=(),]*)$")]
    private static partial Regex EqualityTerm();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[^\s!=(),]+)$")]
    private static partial Regex ExistenceTerm();
}
