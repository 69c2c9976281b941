using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools.Git;

namespace Pipelines.ConfigRepo.Git;

/// <summary>
/// A temporary, shallow clone of the config repo's base branch: the only place an edit happens. Disposing removes it.
/// </summary>
internal sealed partial class ConfigClone : IAsyncDisposable
{
    private ConfigClone(string repository, string remote, string branch, GitCli git)
    {
        Repository = repository;
        Remote = remote;
        Branch = branch;
        Git = git;
        Workspace = new ConfigWorkspace(AbsolutePath.Create(git.WorkTree));
    }

    /// <summary>As the user gave it, for messages.</summary>
    public string Repository { get; }

    /// <summary>What git clones from: a URL, or a file:// URL for a local path so that --depth works.</summary>
    public string Remote { get; }
    public string Branch { get; }
    public GitCli Git { get; }
    public ConfigWorkspace Workspace { get; }

    /// <summary>Clones the context's repository at its base branch (the default branch when none is given).</summary>
    public static async Task<ConfigClone> CreateAsync(
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
        var (repository, branch) = (context.Repository, context.Branch);
        var remote = RemoteFor(repository);
        var directory =
            context.TemporaryDirectory / "config-repo" / Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(directory);
        var git = new GitCli(directory, GitCredentials.For(remote, context.Token));
        string[] clone =
        [
            "clone",
            "--quiet",
            "--depth",
            "1",
            "--no-tags",
            "--single-branch",
            .. branch is null ? Array.Empty<string>() : ["--branch", branch],
            // After "--": the remote and the folder are never read as options.
            "--",
            remote,
            ".",
        ];
        var result = await git.TryRunAsync(ct, clone);
        if (result.ExitCode != 0)
        {
            Delete(directory);
            throw new ConfigRepoException(
                $"Could not clone the config repo {repository}"
                    + (branch is null ? "" : $" (branch {branch})")
                    + $": {result.StandardError.Trim()}\nCheck --config-repo"
                    + (branch is null ? "" : " and --config-branch")
                    + ", and for an https repo that the token may read it."
            );
        }
        var head = branch ?? await git.RunAsync(ct, "rev-parse", "--abbrev-ref", "HEAD");
        if (head == "HEAD")
        {
            Delete(directory);
            throw new ConfigRepoException(
                $"The config repo {repository} has no commit on its default branch; push an initial commit first."
            );
        }
        return new ConfigClone(repository, remote, head, git);
    }

    public ValueTask DisposeAsync()
    {
        Delete(Git.WorkTree);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// What git may clone: an https://, ssh:// or file:// URL, an scp-like <c>user@host:path</c>, or the path of an
    /// existing directory (made a file:// URL, since a plain path ignores --depth). Anything else is refused before
    /// git sees it: a value starting with '-' would be an option (<c>--upload-pack=…</c> runs a command), and
    /// other transports (<c>ext::</c>, <c>fd::</c>, plain http) run commands or send the token in clear.
    /// </summary>
    internal static string RemoteFor(string repository)
    {
        if (repository.Length == 0 || repository.StartsWith('-') || repository.Any(char.IsControl))
        {
            throw InvalidRepository(
                repository,
                repository.StartsWith('-')
                    ? "it starts with '-', which git would read as an option"
                    : "it is empty or holds control characters"
            );
        }
        if (repository.Contains("://", StringComparison.Ordinal))
        {
            return
                Uri.TryCreate(repository, UriKind.Absolute, out var uri)
                && uri.Scheme is "https" or "ssh" or "file"
                ? repository
                : throw InvalidRepository(
                    repository,
                    $"the scheme '{repository[..repository.IndexOf(':')]}' is not allowed"
                );
        }
        if (ScpLikeRemote().IsMatch(repository))
        {
            return repository;
        }
        var full = Path.GetFullPath(repository);
        if (!Directory.Exists(full))
        {
            throw new UsageException(
                $"--config-repo {repository}: no such directory. Give a git URL (https://, ssh://, git@host:path, "
                    + "file://) or the path of a git repository."
            );
        }
        return new Uri(full).AbsoluteUri;
    }

    private static UsageException InvalidRepository(string repository, string why) =>
        new(
            $"--config-repo '{repository.ReplaceLineEndings(" ")}': {why}. Give an https://, ssh:// or file:// URL, "
                + "git@host:owner/repo.git, or the path of a git repository."
        );

    /// <summary>git's scp-like syntax, <c>git@github.com:owner/repo.git</c>; the path may not look like an option.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(
        @"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!-)[^\s:][^\s]*$"
    )]
    private static partial System.Text.RegularExpressions.Regex ScpLikeRemote();

    private static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException) { }
    }
}
