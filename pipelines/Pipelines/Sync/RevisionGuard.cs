using System.Collections.Concurrent;
using Pipelines.Tools;
using Pipelines.Tools.Git;

namespace Pipelines.Sync;

/// <summary>The git revision a render came from, and whether the working tree held uncommitted changes.</summary>
internal sealed record SyncRevision(string Sha, bool Dirty)
{
    public override string ToString() => Dirty ? $"{Sha} (with uncommitted changes)" : Sha;
}

/// <summary>
/// Never backwards by accident: a cluster's inventory records the revision last synced to it, and a Sync from an
/// ancestor of that revision (a re-run of an old CD run, a stale checkout) or from an unrelated one is refused unless
/// <c>--allow-rollback</c>. A revision missing from a shallow CI checkout is fetched from origin first. One guard serves
/// every cluster of a run: HEAD is read once, and each recorded revision is looked up (and fetched) once.
/// </summary>
internal sealed class RevisionGuard
{
    private readonly GitCli? _git;
    private readonly Lazy<Task<SyncRevision?>> _current;
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _refusals = new();

    // git keeps one lock per repository (index, shallow file, FETCH_HEAD): its commands go one at a time.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="workTree">The checkout the render came from; null turns the guard off and records nothing.</param>
    public RevisionGuard(string? workTree)
    {
        _git = workTree is null ? null : new GitCli(workTree);
        _current = new Lazy<Task<SyncRevision?>>(() => ReadCurrentAsync(CancellationToken.None));
    }

    /// <summary>HEAD of the checkout and whether it is dirty; null when the guard is off or the folder is not a git checkout.</summary>
    public Task<SyncRevision?> CurrentAsync() =>
        _git is null ? Task.FromResult<SyncRevision?>(null) : _current.Value;

    /// <summary>Why this checkout must not sync over a cluster last synced from <paramref name="recorded"/>, or null when it may.</summary>
    public async Task<string?> RefusalAsync(
        SyncRevision? recorded,
        bool allowRollback,
        CancellationToken cancellationToken
    )
    {
        if (_git is null || recorded is null || allowRollback)
        {
            return null;
        }
        var current = await CurrentAsync();
        if (current is null)
        {
            return $"the cluster was last synced from revision {recorded}, but {_git.WorkTree} is not a git checkout, "
                + "so Sync cannot tell whether this render is older. Sync from a checkout, or pass --allow-rollback.";
        }
        if (current.Sha == recorded.Sha)
        {
            return null;
        }
        return await _refusals
            .GetOrAdd(
                recorded.Sha,
                sha => new Lazy<Task<string?>>(() =>
                    CompareAsync(sha, current.Sha, cancellationToken)
                )
            )
            .Value;
    }

    private async Task<string?> CompareAsync(
        string recorded,
        string current,
        CancellationToken cancellationToken
    )
    {
        var shallow =
            (
                await GitAsync(cancellationToken, "rev-parse", "--is-shallow-repository")
            ).StandardOutput.Trim() == "true";
        var present =
            (await GitAsync(cancellationToken, "cat-file", "-e", $"{recorded}^{{commit}}")).ExitCode
            == 0;
        string? unfetched = null;
        if (!present || shallow)
        {
            // A shallow history cannot show ancestry across its cut: unshallow while fetching the recorded revision.
            string[] fetch = shallow
                ? ["fetch", "--quiet", "--unshallow", "origin", recorded]
                : ["fetch", "--quiet", "origin", recorded];
            var fetched = await GitAsync(cancellationToken, fetch);
            if (fetched.ExitCode != 0)
            {
                unfetched =
                    $"the cluster was last synced from revision {recorded}, which is not in this checkout's "
                    + $"{(shallow ? "shallow " : "")}history, and `git {string.Join(' ', fetch)}` failed: "
                    + $"{LastLine(fetched)}. Sync cannot tell whether {current} is older. Fetch the full history "
                    + "(actions/checkout with fetch-depth: 0) and a remote 'origin' that has it, or pass --allow-rollback.";
                if (!present)
                {
                    return unfetched;
                }
            }
        }
        if (await IsAncestorAsync(recorded, current, cancellationToken))
        {
            return null;
        }
        if (await IsAncestorAsync(current, recorded, cancellationToken))
        {
            return $"refusing to go backwards: the cluster was last synced from revision {recorded}, and this checkout's "
                + $"{current} is an ancestor of it (a re-run of an older CD run, or a stale checkout). Sync from {recorded} "
                + "or later, or pass --allow-rollback to roll back on purpose.";
        }
        // Still shallow, neither contains the other: the cut may hide the path between them.
        return unfetched
            ?? $"refusing an unrelated revision: the cluster was last synced from revision {recorded}, and this "
                + $"checkout's {current} neither descends from it nor precedes it (another branch, or rewritten history). "
                + $"Sync from a revision that contains {recorded}, or pass --allow-rollback.";
    }

    private async Task<bool> IsAncestorAsync(
        string ancestor,
        string descendant,
        CancellationToken cancellationToken
    ) =>
        (
            await GitAsync(cancellationToken, "merge-base", "--is-ancestor", ancestor, descendant)
        ).ExitCode == 0;

    private async Task<SyncRevision?> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        var head = await GitAsync(cancellationToken, "rev-parse", "--verify", "HEAD");
        if (head.ExitCode != 0)
        {
            return null;
        }
        var status = await GitAsync(cancellationToken, "status", "--porcelain");
        return new SyncRevision(
            head.StandardOutput.Trim(),
            status.ExitCode != 0 || status.StandardOutput.Trim().Length > 0
        );
    }

    private async Task<ToolResult> GitAsync(
        CancellationToken cancellationToken,
        params string[] arguments
    )
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await _git!.TryRunAsync(cancellationToken, arguments);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static string LastLine(ToolResult result)
    {
        var text = (
            result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput
        ).Trim();
        return text.Length == 0 ? $"exit code {result.ExitCode}" : text.Split('\n')[^1];
    }
}
