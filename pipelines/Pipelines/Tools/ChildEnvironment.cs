using System.Collections;

namespace Pipelines.Tools;

/// <summary>
/// What a child process inherits of the build's environment: everything but credentials. A variable whose name says
/// it holds one (…TOKEN…, …SECRET…, …PASSWORD…, …PASSPHRASE…, …_KEY: GITHUB_TOKEN, CONFIG_REPO_TOKEN,
/// PIPELINES_REGISTRY_TOKEN, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL) is removed
/// from the child's environment unless the command names it (<see cref="ToolCommand.WithInheritedSecrets"/>) or
/// sets it itself. helm, git, buildah or npm never see the tokens of the job they run in.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly string[] SecretWords = ["TOKEN", "SECRET", "PASSWORD", "PASSPHRASE"];

    /// <summary>Whether the variable's name marks it as a credential.</summary>
    public static bool IsSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        return SecretWords.Any(word => upper.Contains(word, StringComparison.Ordinal))
            || upper.EndsWith("_KEY", StringComparison.Ordinal);
    }

    /// <summary>The variables to remove from <paramref name="command"/>'s environment (each mapped to null).</summary>
    internal static IEnumerable<string> Stripped(ToolCommand command, IDictionary parent)
    {
        var comparer = OperatingSystem.IsWindows()
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Ordinal;
        var kept = new HashSet<string>(command.InheritedSecrets, comparer);
        kept.UnionWith(command.Environment.Keys);
        foreach (var name in parent.Keys.OfType<string>())
        {
            if (IsSecret(name) && !kept.Contains(name))
            {
                yield return name;
            }
        }
    }
}
