using Pipelines.ConfigRepo.Git;
using Pipelines.Engine;

namespace Pipelines.ConfigRepo;

/// <summary>
/// Makes one change to the config repo, whole or not at all: a temporary shallow clone, the edit, one commit, then a
/// push to the base branch (redoing the edit on the new HEAD after a lost race, never a blind rebase) or to the
/// change's own branch with a pull request. A dry run prints the diffs and what it would push, and pushes nothing.
/// </summary>
public static partial class ConfigRepoChanges
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
        await using var clone = await ConfigClone.CreateAsync(
            change.Repository,
            change.Branch,
            context,
            ct
        );
        return change.Via == ConfigDelivery.Commit
            ? await CommitAsync(clone, change, context, ct)
            : await PullRequestAsync(clone, change, context, ct);
    }

    private static async Task<ConfigChangeResult> CommitAsync(
        ConfigClone clone,
        ConfigChange change,
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
        for (var attempt = 0; attempt < context.MaxAttempts; attempt++)
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
            var commit = await clone.CommitAsync(edit, ct);
            if (await clone.TryPushAsync(clone.Branch, force: false, ct))
            {
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
            Log.Info(
                $"{clone.Branch} of {clone.Repository} moved while we edited; redoing the edit on its new HEAD."
            );
            await Task.Delay(Backoff(context, attempt), ct);
            await clone.ResetToRemoteAsync(ct);
        }
        throw new ConfigRepoException(
            $"Gave up after {context.MaxAttempts} pushes to {clone.Branch} of {clone.Repository}: other commits "
                + "landed first every time. Rerun the job, or use --via pull-request."
        );
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

    /// <summary>Full jitter: a random wait up to a doubling cap, so racing writers spread out instead of colliding again.</summary>
    private static TimeSpan Backoff(ConfigRepoContext context, int attempt) =>
        TimeSpan.FromMilliseconds(
            Random.Shared.NextDouble()
                * Math.Min(2000, context.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt))
        );

    internal static string ShortSha(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
