using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GitHubActions.Api;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.GitHub;

/// <summary>GitHub refusing what was asked (validation) and failing for a while (5xx, 429, timeouts): retried or explained.</summary>
public sealed class GitHubApiFailureTests
{
    private static readonly GitHubRepository Config = new("sre", "config");

    private static PullRequestSpec Spec(string head = "bump/web/prod") =>
        new(Config, head, "main", "Bump web", "web: 1.4.2", []);

    [Fact]
    public async Task A_head_without_commits_fails_with_githubs_validation_message_and_the_fix()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.AddBranch("sre", "config", "bump/web/prod", hasCommits: false);

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(server.CreateClient(), Spec(), CancellationToken.None)
        );

        // Assert
        Assert.IsAssignableFrom<IExplainedFailure>(error);
        Assert.Equal(422, error.StatusCode);
        Assert.Equal(
            "GitHub rejected the request to open or update the pull request bump/web/prod -> main in sre/config "
                + "(422 Validation Failed: No commits between main and bump/web/prod). Check that branch "
                + "'bump/web/prod' was pushed to sre/config and has commits that 'main' does not, and that 'main' exists.",
            error.Message
        );
        Assert.Single(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_validation_error_without_a_message_names_the_field()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(
                server.CreateClient(),
                Spec("never-pushed"),
                CancellationToken.None
            )
        );

        // Assert
        Assert.Contains("(422 Validation Failed: PullRequest.head invalid)", error.Message);
    }

    [Fact]
    public async Task A_pull_request_opened_by_a_concurrent_run_between_look_up_and_create_is_updated()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        var raced = false;
        server.BeforeServing = request =>
        {
            if (request.Method == "POST" && !raced)
            {
                raced = true;
                server.SeedPullRequest(
                    "sre",
                    "config",
                    "bump/web/prod",
                    "main",
                    "Opened by the other run"
                );
            }
        };

        // Act
        var outcome = await PullRequests.OpenOrUpdateAsync(
            server.CreateClient(),
            Spec(),
            CancellationToken.None
        );

        // Assert
        var pr = Assert.Single(server.PullRequests("sre", "config"));
        Assert.False(outcome.Created);
        Assert.Equal(pr.Number, outcome.Number);
        Assert.Equal("Bump web", pr.Title);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_passing_server_error_or_throttle_is_retried_and_then_succeeds(int status)
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.InjectFault(
            new GitHubFault(status, "POST", "/repos/sre/config/pulls") { Times = 2 }
        );
        var log = new Charts.LogCapture();

        // Act
        var outcome = await PullRequests.OpenOrUpdateAsync(
            server.CreateClient(),
            Spec(),
            CancellationToken.None
        );

        // Assert
        Assert.True(outcome.Created);
        Assert.Single(server.PullRequests("sre", "config"));
        Assert.Equal(3, server.Requests.Count(r => r.Method == "POST"));
        Assert.Contains($"failed ({status} ", log.Text);
        Assert.Contains($"attempt 3 of {GitHubCalls.MaxAttempts}", log.Text);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_not_repeated_on_retry()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        var pr = server.SeedPullRequest("sre", "config", "feature/x", "main", "Feature");
        server.InjectFault(
            new GitHubFault(502, "POST", $"/repos/sre/config/issues/{pr.Number}/comments")
            {
                AfterServing = true,
            }
        );

        // Act
        var outcome = await PullRequestComments.UpsertAsync(
            server.CreateClient(),
            Config,
            pr.Number,
            "pipelines:helmfile-review",
            "diff",
            CancellationToken.None
        );

        // Assert
        var comment = Assert.Single(server.Comments("sre", "config", pr.Number));
        Assert.Equal(comment.Id, outcome.Id);
    }

    [Fact]
    public async Task Persistent_server_errors_fail_after_the_last_attempt_naming_the_repository()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.InjectFault(new GitHubFault(502, "GET") { Times = null });

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(server.CreateClient(), Spec(), CancellationToken.None)
        );

        // Assert
        Assert.Equal(
            $"GitHub kept failing to open or update the pull request bump/web/prod -> main in sre/config: {GitHubCalls.MaxAttempts} attempts, "
                + "the last answered 502 Bad Gateway. GitHub may be having an incident (https://www.githubstatus.com): "
                + "run the job again later.",
            error.Message
        );
        Assert.Equal(new GitHubRepository("sre", "config"), error.Repository);
        Assert.Equal(GitHubCalls.MaxAttempts, server.Requests.Count);
        Assert.Empty(server.PullRequests("sre", "config"));
    }

    [Fact]
    public async Task An_api_that_cannot_be_reached_fails_after_the_last_attempt_naming_the_url()
    {
        // Arrange
        Uri apiUri;
        await using (var stopped = await GitHubApiTestServer.StartAsync())
        {
            apiUri = stopped.ApiUri;
        }
        var client = GitHubApi.CreateClient("ghs_any", apiUri);
        var log = new Charts.LogCapture();

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(client, Spec(), CancellationToken.None)
        );

        // Assert
        Assert.Null(error.StatusCode);
        Assert.StartsWith(
            $"Could not reach the GitHub API at {apiUri} to open or update the pull request bump/web/prod -> main "
                + $"in sre/config after {GitHubCalls.MaxAttempts} attempts:",
            error.Message
        );
        Assert.EndsWith(
            "Check GITHUB_API_URL (or the API URL given) and the network.",
            error.Message
        );
        Assert.Contains(
            $"attempt {GitHubCalls.MaxAttempts} of {GitHubCalls.MaxAttempts}",
            log.Text
        );
    }

    [Fact]
    public async Task An_api_that_never_answers_fails_after_every_attempt_timed_out()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.InjectFault(new GitHubFault(500) { Times = null, Delay = TimeSpan.FromSeconds(30) });
        var client = (Octokit.GitHubClient)server.CreateClient();
        client.SetRequestTimeout(TimeSpan.FromMilliseconds(200));

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(client, Spec(), CancellationToken.None)
        );

        // Assert
        Assert.StartsWith(
            $"The GitHub API at {server.ApiUri} did not answer in time to open or update the pull request "
                + $"bump/web/prod -> main in sre/config: {GitHubCalls.MaxAttempts} attempts timed out.",
            error.Message
        );
        Assert.Equal(GitHubCalls.MaxAttempts, server.Requests.Count);
    }

    [Fact]
    public async Task A_throttle_asking_for_too_long_a_wait_fails_at_once()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.InjectFault(new GitHubFault(429) { RetryAfterSeconds = 3600 });

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(server.CreateClient(), Spec(), CancellationToken.None)
        );

        // Assert
        Assert.Contains("(429 You have exceeded a secondary rate limit.", error.Message);
        Assert.Contains(
            "asked for a wait of 3600 s, longer than the 60 s this build waits",
            error.Message
        );
        Assert.Single(server.Requests);
    }
}
