using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// <c>helmfile template</c>'s flags that change what renders, applied to every release as helmfile applies them:
/// <c>--values</c> files after each release's own values, <c>--set</c> last of all (as helm's --set wins over -f),
/// <c>--namespace</c> replacing every release's namespace, <c>--post-renderer</c> where a release and helmDefaults name
/// none, and <c>--skip-deps</c> skipping <c>helm dependency build</c> of local charts.
/// </summary>
public sealed record TemplateFlags
{
    /// <summary>helm's --set syntax, one flag each: <c>a.b=v,c={x,y}</c>.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <summary>Values files; relative paths are read from the state file's folder, as helmfile (which runs there) reads them.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>helmfile's <c>--namespace</c>/<c>-n</c>: every release renders into this namespace.</summary>
    public string? Namespace { get; init; }

    public string? PostRenderer { get; init; }
    public IReadOnlyList<string> PostRendererArgs { get; init; } = [];
    public bool SkipDeps { get; init; }

    /// <summary>The --set flags as set entries, in order; a flag that is not helm's syntax is a usage error.</summary>
    internal IReadOnlyList<SetValue> SetEntries() => [.. Set.SelectMany(SetArguments.Parse)];
}

/// <summary>Reads helm's <c>--set</c> syntax into set entries: comma-separated <c>name=value</c>, <c>{a,b}</c> lists, <c>\,</c> escapes.</summary>
internal static class SetArguments
{
    public static IEnumerable<SetValue> Parse(string argument)
    {
        foreach (var part in Split(argument))
        {
            var (name, value) =
                SetValues.Assignment(part)
                ?? throw new UsageException(
                    $"--set '{argument}': '{part}' is not name=value. helm's --set syntax: a.b=v, several as a=1,b=2, a list as list={{x,y}}."
                );
            yield return value.Length >= 2 && value[0] == '{' && value[^1] == '}'
                ? new SetValue(
                    name,
                    null,
                    [.. Split(value[1..^1]).Select(v => (object?)Unescape(v))]
                )
                : new SetValue(name, Unescape(value), null);
        }
    }

    /// <summary>Splits at commas that are neither escaped nor inside <c>{...}</c>.</summary>
    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(text[start..]);
        return parts.Where(p => p.Length > 0).ToList();
    }

    private static string Unescape(string value) => value.Replace("\\,", ",");
}
