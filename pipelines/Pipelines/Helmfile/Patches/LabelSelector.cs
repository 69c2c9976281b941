namespace Pipelines.Helmfile.Patches;

/// <summary>
/// A Kubernetes label selector as kustomize's <c>labelSelector</c> and <c>annotationSelector</c> take it:
/// comma-separated requirements, each <c>key</c>, <c>!key</c>, <c>key=value</c> (or <c>==</c>), <c>key!=value</c>,
/// <c>key in (a,b)</c> or <c>key notin (a,b)</c>; all must hold.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(List<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        _requirements = requirements;

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        _requirements.All(r => r(labels));

    /// <exception cref="PatchFailure">A requirement is not one of the forms above.</exception>
    public static LabelSelector Parse(string text)
    {
        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var term in SplitTerms(text).Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            requirements.Add(Requirement(term, text));
        }
        return new LabelSelector(requirements);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> Requirement(
        string term,
        string text
    )
    {
        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[1] is "in" or "notin")
        {
            var rest = term[(term.IndexOf(words[1], StringComparison.Ordinal) + words[1].Length)..]
                .Trim();
            if (!rest.StartsWith('(') || !rest.EndsWith(')'))
            {
                throw Invalid(term, text);
            }
            var values = rest[1..^1]
                .Split(',')
                .Select(v => v.Trim())
                .ToHashSet(StringComparer.Ordinal);
            var key = words[0];
            return words[1] == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }
        foreach (var (op, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var value = term[(at + op.Length)..].Trim();
                return negated
                    ? labels => !labels.TryGetValue(key, out var v) || v != value
                    : labels => labels.TryGetValue(key, out var v) && v == value;
            }
        }
        if (term.Contains(' ') || term.Contains('(') || term.Contains('=') || term == "!")
        {
            throw Invalid(term, text);
        }
        return term.StartsWith('!')
            ? labels => !labels.ContainsKey(term[1..])
            : labels => labels.ContainsKey(term);
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

    private static PatchFailure Invalid(string term, string text) =>
        new(
            $"'{term}' in selector '{text}' is not a label requirement; use key, !key, key=value, key!=value, "
                + "key in (a,b) or key notin (a,b), separated by commas."
        );
}
