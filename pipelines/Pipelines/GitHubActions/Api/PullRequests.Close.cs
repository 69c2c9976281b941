using Octokit;
using Pipelines.Engine;

namespace Pipelines.GitHubActions.Api;

internal static partial class PullRequests
{
    /// <summary>
    /// Closes the open pull request from <paramref name="head"/> into <paramref name="baseBranch"/>, if there is one,
    /// with a comment saying why: its change already reached the base another way, so reviewing it is wasted work.
    /// Returns the number closed, or null when none was open.
    /// </summary>
    public static async Task<int?> CloseIfOpenAsync(
        IGitHubClient client,
        GitHubRepository repository,
        string head,
        string baseBranch,
        string reason,
        CancellationToken ct
    )
    {
        var spec = new PullRequestSpec(repository, head, baseBranch, head, reason, []);
        var label = head.Contains(':') ? head : $"{repository.Owner}:{head}";
        var operation = new GitHubOperation(
            repository,
            $"close the obsolete pull request {head} -> {baseBranch}"
        );
        var closed = await GitHubCalls.RunAsync(
            client,
            operation,
            async token =>
            {
                if (await FindOpenAsync(client, spec, label, token) is not { } open)
                {
                    return (int?)null;
                }
                await client
                    .Issue.Comment.Create(repository.Owner, repository.Name, open.Number, reason)
                    .WaitAsync(token);
                await client
                    .PullRequest.Update(
                        repository.Owner,
                        repository.Name,
                        open.Number,
                        new PullRequestUpdate { State = ItemState.Closed }
                    )
                    .WaitAsync(token);
                return open.Number;
            },
            ct
        );
        if (closed is { } number)
        {
            Log.Info($"Closed pull request #{number} {head} -> {baseBranch}: {reason}");
        }
        return closed;
    }
}
