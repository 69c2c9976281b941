using System.Text;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>How a parameter's member name is spelled on each source.</summary>
internal static class ParameterNames
{
    /// <summary>The only environment variables the build reads start with this, so a machine-wide
    /// <c>ENV</c> or <c>TARGET</c> cannot change what the build does (NUKE issue #300).</summary>
    public const string EnvironmentPrefix = "PIPELINES_";

    /// <summary><c>KubeVersion</c> becomes <c>kube-version</c>.</summary>
    public static string Kebab(string name) => string.Join("-", Words(name)).ToLowerInvariant();

    /// <summary><c>KubeVersion</c> becomes <c>PIPELINES_KUBE_VERSION</c>.</summary>
    public static string Environment(string name) =>
        EnvironmentPrefix + string.Join("_", Words(name)).ToUpperInvariant();

    /// <summary>The parameter a user meant, spelled in any case, with or without dashes.</summary>
    internal static BuildParameter? Match(IReadOnlyList<BuildParameter> parameters, string name) =>
        parameters.FirstOrDefault(p =>
            TargetNames.Normalize(p.Name) == TargetNames.Normalize(name)
        );

    /// <summary>" Did you mean '--dry-run'?", or nothing when no name is close.</summary>
    internal static string DidYouMean(
        IReadOnlyList<BuildParameter> parameters,
        string name,
        Func<BuildParameter, string> spelling,
        string prefix
    ) =>
        Suggestions.Closest(name, parameters.Select(spelling), TargetNames.Normalize) is { } close
            ? $" Did you mean '{prefix}{close}'?"
            : "";

    // Brand names written in camel case that people spell as one word: --github-token, not --git-hub-token.
    private static readonly string[] OneWord = ["GitHub"];

    private static IEnumerable<string> Words(string name)
    {
        foreach (var brand in OneWord)
        {
            name = name.Replace(
                brand,
                brand[0] + brand[1..].ToLowerInvariant(),
                StringComparison.Ordinal
            );
        }
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord =
                char.IsUpper(c)
                && word.Length > 0
                && (
                    char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))
                );
            if (c is '_' or '-' || startsWord)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                }
                word.Clear();
                if (c is '_' or '-')
                {
                    continue;
                }
            }
            word.Append(c);
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
