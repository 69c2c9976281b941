using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>Matches target names the way users type them: ignoring case, dashes and underscores.</summary>
internal static class TargetNames
{
    public static string Normalize(string name) =>
        new(name.Where(c => c is not ('-' or '_')).Select(char.ToLowerInvariant).ToArray());

    public static ExecutableTarget Resolve(
        IReadOnlyList<ExecutableTarget> targets,
        string name,
        string context
    )
    {
        var wanted = Normalize(name);
        var found = targets.FirstOrDefault(t => Normalize(t.Name) == wanted);
        if (found is not null)
        {
            return found;
        }
        var listed = targets.Where(t => !t.IsUnlisted).Select(t => t.Name).ToList();
        var suggestion = Suggestions.Closest(name, listed, Normalize);
        throw new UsageException(
            $"Unknown target '{name}'{context}."
                + (suggestion is null ? "" : $" Did you mean '{suggestion}'?")
                + $" Available targets: {string.Join(", ", listed)}. Run ./build.sh --help for what each does."
        );
    }
}
