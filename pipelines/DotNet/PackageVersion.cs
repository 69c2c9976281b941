using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Tools;
using Pipelines.Tools.Git;

namespace Pipelines.DotNet;

/// <summary>
/// The version Pack stamps on the packages, from git: a <c>v*</c> tag on HEAD gives its version (v1.2.3 gives
/// 1.2.3), any other commit <c>0.0.0-dev.&lt;height&gt;+&lt;sha&gt;</c>, which sorts below every release and
/// rises with each commit, so a consumer floating on <c>*-*</c> takes the newest build.
/// </summary>
public static partial class PackageVersion
{
    public static async Task<string> ReadAsync(string workTree, CancellationToken ct)
    {
        var git = new GitCli(workTree);
        string sha;
        try
        {
            sha = await git.RunAsync(ct, "rev-parse", "--short", "HEAD");
        }
        catch (ToolException exception)
        {
            throw new UsageException(
                $"Pack versions the packages from git, but {workTree} has no commit: {exception.Detail}"
            );
        }
        var tag = await git.TryRunAsync(
            ct,
            "describe",
            "--tags",
            "--exact-match",
            "--match",
            "v*",
            "HEAD"
        );
        if (tag.ExitCode == 0)
        {
            var name = tag.StandardOutput.Trim();
            var version = name[1..];
            if (!SemanticVersion().IsMatch(version))
            {
                throw new UsageException(
                    $"HEAD's tag {name} is not v<major>.<minor>.<patch>[-prerelease]: tag the release as, e.g., v1.2.3."
                );
            }
            return version;
        }
        var height = await git.RunAsync(ct, "rev-list", "--count", "HEAD");
        return $"0.0.0-dev.{height}+{sha}";
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemanticVersion();
}
