using Pipelines.Engine;
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

    public static async Task<ConfigClone> CreateAsync(
        string repository,
        string? branch,
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
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

    /// <summary>Local paths become file:// URLs (a plain path ignores --depth); anything else is given to git as is.</summary>
    private static string RemoteFor(string repository)
    {
        if (repository.Contains("://", StringComparison.Ordinal) || repository.Contains('@'))
        {
            return repository;
        }
        var full = Path.GetFullPath(repository);
        if (!Directory.Exists(full))
        {
            throw new UsageException(
                $"--config-repo {repository}: no such directory. Give a git URL or the path of a git repository."
            );
        }
        return new Uri(full).AbsoluteUri;
    }

    private static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException) { }
    }
}
