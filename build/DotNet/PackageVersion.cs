using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;

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
        Task<ToolResult> Git(params string[] arguments) =>
            ToolRunner.Default.RunUncheckedAsync(
                ToolCommand.For("git").WithArguments(arguments).WithWorkingDirectory(workTree),
                ToolOutput.Capture,
                ct
            );
        var head = await Git("rev-parse", "--short", "HEAD");
        if (head.ExitCode != 0)
        {
            throw new UsageException(
                $"Pack versions the packages from git, but {workTree} has no commit: {head.StandardError.Trim()}"
            );
        }
        var sha = head.StandardOutput.Trim();
        var tag = await Git("describe", "--tags", "--exact-match", "--match", "v*", "HEAD");
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
        var height = (await Git("rev-list", "--count", "HEAD")).StandardOutput.Trim();
        return $"0.0.0-dev.{height}+{sha}";
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemanticVersion();
}
