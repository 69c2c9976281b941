using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Selection;

/// <summary>
/// helmfile's <c>--selector</c>: <c>tier=app,name!=web</c> matches when every term holds (AND); several selectors
/// match when any does (OR). The release's <c>name</c>, <c>namespace</c> and <c>chart</c> work as labels.
/// </summary>
public sealed record ReleaseSelector(IReadOnlyList<ReleaseSelector.Term> Terms)
{
    public sealed record Term(string Key, bool Equal, string Value);

    public static ReleaseSelector Parse(string text)
    {
        var terms = new List<Term>();
        foreach (
            var raw in text.Split(
                ',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        )
        {
            var notEqual = raw.IndexOf("!=", StringComparison.Ordinal);
            var equal = raw.IndexOf('=');
            var (key, value, isEqual) =
                notEqual > 0 ? (raw[..notEqual], raw[(notEqual + 2)..], false)
                : equal > 0 ? (raw[..equal], raw[(equal + 1)..], true)
                : throw new UsageException(
                    $"Selector term '{raw}' in '{text}' is not key=value or key!=value (e.g. tier=management,name!=web)."
                );
            terms.Add(new Term(key.Trim(), isEqual, value.Trim()));
        }
        return terms.Count > 0
            ? new ReleaseSelector(terms)
            : throw new UsageException("An empty selector selects nothing; give key=value.");
    }

    public bool Matches(ReleaseSpec release) =>
        Terms.All(term => (LabelOf(release, term.Key) == term.Value) == term.Equal);

    /// <summary>True when no selectors are given, or any one of them matches.</summary>
    public static bool AnyMatches(IReadOnlyList<ReleaseSelector> selectors, ReleaseSpec release) =>
        selectors.Count == 0 || selectors.Any(s => s.Matches(release));

    private static string? LabelOf(ReleaseSpec release, string key) =>
        key switch
        {
            "name" => release.Name,
            "namespace" => release.Namespace ?? "",
            "chart" => release.Chart,
            _ => release.Labels.GetValueOrDefault(key),
        };

    public override string ToString() =>
        string.Join(",", Terms.Select(t => $"{t.Key}{(t.Equal ? "=" : "!=")}{t.Value}"));
}
