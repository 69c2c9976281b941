namespace Pipelines.Failures;

/// <summary>"Did you mean" by edit distance, for targets, parameters, allowed values and the fields of YAML files.</summary>
public static class Suggestions
{
    public static string? Closest(
        string input,
        IEnumerable<string> candidates,
        Func<string, string>? normalize = null
    )
    {
        normalize ??= s => s.ToLowerInvariant();
        var wanted = normalize(input);
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(wanted, normalize(candidate))))
            .OrderBy(pair => pair.distance)
            .FirstOrDefault();
        // Allow roughly one typo per three characters; beyond that a suggestion is noise.
        return best.candidate is not null && best.distance <= Math.Max(2, wanted.Length / 3)
            ? best.candidate
            : null;
    }

    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
