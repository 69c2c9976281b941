using Pipelines.ConfigRepo.Git;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.ConfigRepo;

internal static partial class ConfigRepoChanges
{
    /// <summary>
    /// The edit is made on the base branch's HEAD and committed on the change's own branch, which the tool owns and
    /// force-pushes: a rerun replaces the branch's commit and updates the open pull request instead of opening another.
    /// </summary>
    private static async Task<ConfigChangeResult> PullRequestAsync(
        ConfigClone clone,
        ConfigChange change,
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
        var head = change.PullRequestBranch!;
        var (edit, files) = await EditAsync(clone, change, ct);
        if (edit is null)
        {
            await CloseObsoleteAsync(clone, head, context, ct);
            return Unchanged(clone, 0);
        }
        if (context.DryRun)
        {
            ShowPlan(
                clone,
                edit,
                files,
                $"would push branch {head} and open (or update) a pull request {head} -> {clone.Branch}"
            );
            return new ConfigChangeResult
            {
                Changed = true,
                Branch = head,
                Files = files,
            };
        }
        var opener = context.PullRequests ?? throw NoPullRequestOpener();
        await clone.CommitAsync(edit, ct);
        var commit = await clone.HeadAsync(ct);
        if (await clone.RemoteTreeAsync(head, ct) == await clone.HeadTreeAsync(ct))
        {
            Log.Info($"{head} already holds this change; not pushing it again.");
        }
        else if (!await clone.TryPushAsync(head, force: true, ct))
        {
            throw new ConfigRepoException(
                $"Could not force-push {head} to {clone.Repository}; another run is pushing it. Rerun the job."
            );
        }
        var pullRequest = await opener.OpenOrUpdateAsync(head, clone.Branch, edit, ct);
        Log.Info(
            $"{(pullRequest.Created ? "Opened" : "Updated")} pull request #{pullRequest.Number}: {pullRequest.Url}"
        );
        return new ConfigChangeResult
        {
            Changed = true,
            Commit = commit,
            Branch = head,
            PullRequest = pullRequest,
            Files = files,
        };
    }

    /// <summary>
    /// The base already holds the change (it got there another way, e.g. a promotion committed directly): a pull
    /// request still open for it would only ask for a review of nothing, so it is closed with the reason.
    /// </summary>
    private static async Task CloseObsoleteAsync(
        ConfigClone clone,
        string head,
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
        if (context.PullRequests is not { } opener)
        {
            return;
        }
        if (context.DryRun)
        {
            Log.Info(
                $"[dry-run] would close a pull request still open from {head}: {clone.Branch} already holds its change."
            );
            return;
        }
        await opener.CloseObsoleteAsync(
            head,
            clone.Branch,
            $"{clone.Branch} already holds this change, so this pull request is no longer needed. Closed by the build.",
            ct
        );
    }

    /// <summary>A pull request was asked for, but there is no GitHub repository or token to open it with.</summary>
    internal static UsageException NoPullRequestOpener() =>
        new(
            "--via pull-request needs the GitHub repository and a token: pass --github-token "
                + "(or set GITHUB_TOKEN) and, for a config repo that is not a GitHub URL, --github-repository owner/name."
        );
}
