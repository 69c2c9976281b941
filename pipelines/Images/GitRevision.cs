using Pipelines.Engine;
using Pipelines.Tools;
using Pipelines.Tools.Git;

namespace Pipelines.Images;

/// <summary>What git says about HEAD, for the immutable tag and the OCI labels.</summary>
internal sealed record GitRevision(
    string Sha,
    string ShortSha,
    string? Version,
    DateTimeOffset CommitTime,
    string? Source
)
{
    public static async Task<GitRevision> ReadAsync(string workTree, CancellationToken ct)
    {
        string sha;
        try
        {
            sha = await GitAsync(workTree, ct, "rev-parse", "HEAD");
        }
        catch (ToolException exception)
        {
            throw new UsageException(
                $"BuildImage tags images from git, but {workTree} has no commit: {exception.Detail}"
            );
        }
        // HEAD exists; the rest are independent reads of it.
        var shortSha = GitAsync(workTree, ct, "rev-parse", "--short", "HEAD");
        var committed = GitAsync(workTree, ct, "log", "-1", "--format=%ct");
        var version = VersionAsync(workTree, ct);
        var source = SourceAsync(workTree, ct);
        return new GitRevision(
            sha,
            await shortSha,
            await version,
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(await committed, null)),
            await source
        );
    }

    /// <summary>The version of a <c>v*</c> tag on HEAD itself (v1.2.3 gives 1.2.3), or null.</summary>
    private static async Task<string?> VersionAsync(string workTree, CancellationToken ct)
    {
        try
        {
            var tag = await GitAsync(
                workTree,
                ct,
                "describe",
                "--tags",
                "--exact-match",
                "--match",
                "v*",
                "HEAD"
            );
            return tag.Length > 1 ? tag[1..] : null;
        }
        catch (ToolException)
        {
            return null; // HEAD carries no version tag: the short SHA alone names the build.
        }
    }

    private static async Task<string?> SourceAsync(string workTree, CancellationToken ct)
    {
        var server = Environment.GetEnvironmentVariable("GITHUB_SERVER_URL");
        var repository = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        if (!string.IsNullOrEmpty(server) && !string.IsNullOrEmpty(repository))
        {
            return $"{server}/{repository}";
        }
        try
        {
            return await GitAsync(workTree, ct, "config", "--get", "remote.origin.url");
        }
        catch (ToolException)
        {
            return null;
        }
    }

    private static Task<string> GitAsync(
        string workTree,
        CancellationToken ct,
        params string[] arguments
    ) => new GitCli(workTree).RunAsync(ct, arguments);
}
