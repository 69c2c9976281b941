using Octokit;
using Pipelines.Failures;
using Pipelines.GitHubActions.Api;

namespace Pipelines.ConfigRepo;

/// <summary>Opens or updates the config repo's pull requests on GitHub, through Octokit.</summary>
internal sealed class GitHubPullRequestOpener(IGitHubClient client, GitHubRepository repository)
    : IPullRequestOpener
{
    public GitHubRepository Repository { get; } = repository;

    public async Task<ConfigPullRequest> OpenOrUpdateAsync(
        string head,
        string baseBranch,
        ConfigEdit edit,
        CancellationToken ct
    )
    {
        var outcome = await PullRequests.OpenOrUpdateAsync(
            client,
            new PullRequestSpec(Repository, head, baseBranch, edit.Subject, edit.Body, edit.Labels),
            ct
        );
        return new ConfigPullRequest(outcome.Number, outcome.Url, outcome.Created);
    }

    public Task<int?> CloseObsoleteAsync(
        string head,
        string baseBranch,
        string reason,
        CancellationToken ct
    ) => PullRequests.CloseIfOpenAsync(client, Repository, head, baseBranch, reason, ct);

    /// <summary>
    /// The opener for a config repo: its GitHub repository is <paramref name="slug"/> when given, else read from the
    /// repo's URL. Null when there is no token or no GitHub repository to name: a pull request then fails with the fix.
    /// </summary>
    public static GitHubPullRequestOpener? For(
        string configRepo,
        string? slug,
        string? token,
        string? apiUrl
    )
    {
        if (token is null)
        {
            return null;
        }
        GitHubRepository repository;
        try
        {
            repository = GitHubRepository.Parse(slug ?? configRepo);
        }
        catch (Failures.UsageException) when (slug is null)
        {
            return null; // a local path or another host: --github-repository names it
        }
        return new GitHubPullRequestOpener(
            GitHubApi.CreateClient(token, apiUrl is null ? null : new Uri(apiUrl)),
            repository
        );
    }
}
