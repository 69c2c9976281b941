using Pipelines.ConfigRepo.Git;
using Pipelines.Engine;

namespace Pipelines.ConfigRepo;

/// <summary>
/// Makes one change to the config repo, whole or not at all: a temporary shallow clone, the edit, one commit, then a
/// push to the base branch (redoing the edit on the new HEAD after a lost race, never a blind rebase) or to the
/// change's own branch with a pull request. A dry run prints the diffs and what it would push, and pushes nothing.
/// </summary>
internal static partial class ConfigRepoChanges
{
    public static async Task<ConfigChangeResult> ApplyAsync(
        ConfigChange change,
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
        if (change.Via == ConfigDelivery.PullRequest && change.PullRequestBranch is null)
        {
            throw new ArgumentException("A pull-request change needs its branch.", nameof(change));
        }
        await using var clone = await ConfigClone.CreateAsync(context, ct);
        return change.Via == ConfigDelivery.Commit
            ? await CommitAsync(clone, change, context, ct)
            : await PullRequestAsync(clone, change, context, ct);
    }

    /// <summary>
    /// Edits, commits and pushes; a push that lost the race to another commit is redone from the new HEAD (never a
    /// blind rebase), with jittered waits so racing writers spread out.
    /// </summary>
    private static async Task<ConfigChangeResult> CommitAsync(
        ConfigClone clone,
        ConfigChange change,
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
        var attempt = 0;
        var pipeline = Retries.ForResult<ConfigChangeResult?>(
            $"Push to {clone.Branch} of {clone.Repository}",
            new RetryBounds(context.MaxAttempts, context.RetryDelay, MaxPushDelay),
            lostRace => lostRace is null,
            _ => "the branch moved while we edited; redoing the edit on its new HEAD"
        );
        var result = await pipeline.ExecuteAsync(
            async token =>
            {
                if (attempt > 0)
                {
                    await clone.ResetToRemoteAsync(token);
                }
                return await TryCommitAsync(clone, change, context, attempt++, token);
            },
            ct
        );
        return result
            ?? throw new ConfigRepoException(
                $"Gave up after {context.MaxAttempts} pushes to {clone.Branch} of {clone.Repository}: other commits "
                    + "landed first every time. Rerun the job, or use --via pull-request."
            );
    }

    /// <summary>One attempt: the result, or null when the push lost the race to another commit.</summary>
    private static async Task<ConfigChangeResult?> TryCommitAsync(
        ConfigClone clone,
        ConfigChange change,
        ConfigRepoContext context,
        int attempt,
        CancellationToken ct
    )
    {
        var (edit, files) = await EditAsync(clone, change, ct);
        if (edit is null)
        {
            return Unchanged(clone, attempt);
        }
        if (context.DryRun)
        {
            ShowPlan(clone, edit, files, $"would commit to {clone.Branch} and push");
            return new ConfigChangeResult
            {
                Changed = true,
                Branch = clone.Branch,
                Files = files,
            };
        }
        await clone.CommitAsync(edit, ct);
        if (!await clone.TryPushAsync(clone.Branch, force: false, ct))
        {
            return null;
        }
        var commit = await clone.HeadAsync(ct);
        Log.Info($"Pushed {ShortSha(commit)} to {clone.Branch} of {clone.Repository}.");
        return new ConfigChangeResult
        {
            Changed = true,
            Commit = commit,
            Branch = clone.Branch,
            Retries = attempt,
            Files = files,
        };
    }

    /// <summary>Runs the edit on the clone as it is now; a null edit or no changed byte means nothing to do.</summary>
    private static async Task<(ConfigEdit? Edit, IReadOnlyList<FileChange> Files)> EditAsync(
        ConfigClone clone,
        ConfigChange change,
        CancellationToken ct
    )
    {
        var edit = await change.Edit(clone.Workspace, ct);
        var files = clone.Workspace.Changes();
        return edit is null || files.Count == 0 ? (null, files) : (edit, files);
    }

    private static ConfigChangeResult Unchanged(ConfigClone clone, int retries)
    {
        Log.Info($"{clone.Repository} ({clone.Branch}) already says so: nothing to commit.");
        return new ConfigChangeResult
        {
            Changed = false,
            Branch = clone.Branch,
            Retries = retries,
        };
    }

    private static void ShowPlan(
        ConfigClone clone,
        ConfigEdit edit,
        IReadOnlyList<FileChange> files,
        string action
    )
    {
        foreach (var file in files)
        {
            Log.Info(file.Diff.TrimEnd());
        }
        Log.Info(
            $"[dry-run] {action} to {clone.Repository}:\n    {edit.Subject}\n\n"
                + string.Join("\n", edit.Body.Split('\n').Select(l => "    " + l))
        );
    }

    /// <summary>Racing writers need a short wait, not a long one: the longest between two pushes.</summary>
    private static readonly TimeSpan MaxPushDelay = TimeSpan.FromSeconds(2);

    internal static string ShortSha(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
