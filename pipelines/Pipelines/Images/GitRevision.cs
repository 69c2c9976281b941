using Pipelines.Engine;
using Pipelines.Failures;
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
        // Three independent reads at once: a build waits for the slowest git, not for the sum of them.
        var head = GitAsync(workTree, ct, "log", "-1", "--format=%H%n%h%n%ct");
        var version = VersionAsync(workTree, ct);
        var source = SourceAsync(workTree, ct);
        string[] lines;
        try
        {
            lines = (await head).Split('\n');
        }
        catch (ToolException exception)
        {
            throw new UsageException(
                $"BuildImage tags images from git, but {workTree} has no commit: {exception.Detail}"
            );
        }
        return new GitRevision(
            lines[0],
            lines[1],
            await version,
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(lines[2], null)),
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
            return WithoutCredentials(
                await GitAsync(workTree, ct, "config", "--get", "remote.origin.url")
            );
        }
        catch (ToolException)
        {
            return null;
        }
    }

    /// <summary>
    /// The remote URL as the image label may show it: an https remote loses its whole user part (a token is often
    /// the user name: https://x-access-token:ghp_…@github.com/…), any other loses a password. The label is public.
    /// </summary>
    internal static string WithoutCredentials(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return url; // scp-like git@host:org/repo.git names a user, never a secret.
        }
        var builder = new UriBuilder(uri) { Password = "" };
        if (uri.Scheme is "http" or "https")
        {
            builder.UserName = "";
        }
        // Port -1 keeps the default port out of the URL, as the remote wrote it.
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }
        return builder.Uri.AbsoluteUri;
    }

    private static Task<string> GitAsync(
        string workTree,
        CancellationToken ct,
        params string[] arguments
    ) => new GitCli(workTree).RunAsync(ct, arguments);
}
