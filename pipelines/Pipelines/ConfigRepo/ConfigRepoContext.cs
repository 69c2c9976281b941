using Pipelines.Engine;

namespace Pipelines.ConfigRepo;

/// <summary>
/// The config repo of this run and how changes reach it: the repository and base branch, where clones go,
/// credentials, retries, dry run.
/// </summary>
public sealed record ConfigRepoContext
{
    /// <summary>A git URL or a local path.</summary>
    public required string Repository { get; init; }

    /// <summary>The base branch; null means the repository's default branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Clones are made under here and removed when the change is done.</summary>
    public required AbsolutePath TemporaryDirectory { get; init; }

    /// <summary>Print the diffs and the commit or pull request; clone, but push nothing and open nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Token for an https config repo and for the GitHub API; never printed.</summary>
    public string? Token { get; init; }

    /// <summary>Opens or updates pull requests; required for <see cref="ConfigDelivery.PullRequest"/>.</summary>
    public IPullRequestOpener? PullRequests { get; init; }

    /// <summary>Pushes tried before giving up when other commits keep landing first.</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>The first retry waits up to this long; each next one up to twice as long (full jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}

/// <summary>Opens a pull request from a branch, or updates the one already open for it.</summary>
public interface IPullRequestOpener
{
    Task<ConfigPullRequest> OpenOrUpdateAsync(
        string head,
        string baseBranch,
        ConfigEdit edit,
        CancellationToken ct
    );

    /// <summary>Closes the open pull request from <paramref name="head"/>, saying why; null when none was open.</summary>
    Task<int?> CloseObsoleteAsync(
        string head,
        string baseBranch,
        string reason,
        CancellationToken ct
    );
}
