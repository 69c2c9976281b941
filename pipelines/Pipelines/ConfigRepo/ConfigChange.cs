namespace Pipelines.ConfigRepo;

/// <summary>How a change reaches the config repo's base branch.</summary>
public enum ConfigDelivery
{
    /// <summary>A commit pushed straight to the base branch.</summary>
    Commit,

    /// <summary>A commit on its own branch and a pull request that people review.</summary>
    PullRequest,
}

/// <summary>
/// One change to the config repo. <see cref="Edit"/> runs on a fresh clone and again on the new HEAD after every lost
/// push race, so it must read what it changes from the workspace, never from an earlier attempt; it returns null when
/// the repo already says what it would write.
/// </summary>
internal sealed record ConfigChange
{
    public required ConfigDelivery Via { get; init; }

    /// <summary>The branch a pull request comes from, e.g. <c>bump/web/prod</c>; owned by the tool, force-pushed.</summary>
    public string? PullRequestBranch { get; init; }

    public required Func<ConfigWorkspace, CancellationToken, Task<ConfigEdit?>> Edit { get; init; }
}

/// <summary>What an edit did: the commit message (and pull request title and body).</summary>
public sealed record ConfigEdit(string Subject, string Body)
{
    public IReadOnlyList<string> Labels { get; init; } = [];
}

/// <summary>Where a change went.</summary>
internal sealed record ConfigChangeResult
{
    /// <summary>False when the repo already said it: nothing was committed.</summary>
    public required bool Changed { get; init; }
    public string? Commit { get; init; }
    public required string Branch { get; init; }
    public ConfigPullRequest? PullRequest { get; init; }

    /// <summary>Push races lost and redone.</summary>
    public int Retries { get; init; }
    public IReadOnlyList<FileChange> Files { get; init; } = [];

    /// <summary>
    /// What became of the change, in one phrase for a target's note (every target that changes the config repo says
    /// it the same way): "already up to date", "opened PR #12 (https://...)", "pushed 0a1b2c3d4e5f to main after 2
    /// retries", "dry run: nothing pushed to main".
    /// </summary>
    public string Describe() =>
        !Changed ? "already up to date"
        : PullRequest is { } pr
            ? $"{(pr.Created ? "opened" : "updated")} PR #{pr.Number} ({pr.Url})"
        : Commit is { } commit
            ? $"pushed {ConfigRepoChanges.ShortSha(commit)} to {Branch}"
                + (Retries == 0 ? "" : $" after {Retries} retries")
        : $"dry run: nothing pushed to {Branch}";
}

/// <summary>One file's change, with its unified diff.</summary>
internal sealed record FileChange(string Path, string Before, string After, string Diff);

/// <summary>The pull request a change opened (<see cref="Created"/>) or updated.</summary>
public sealed record ConfigPullRequest(int Number, string Url, bool Created);
