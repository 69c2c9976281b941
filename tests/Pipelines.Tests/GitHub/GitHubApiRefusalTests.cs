using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GitHubActions.Api;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.GitHub;

/// <summary>Refusals no retry can fix (credentials, permissions, unknown repositories, bad input): explained at once.</summary>
public sealed class GitHubApiRefusalTests
{
    private static readonly GitHubRepository Config = new("sre", "config");

    private static PullRequestSpec Spec(string head = "bump/web/prod") =>
        new(Config, head, "main", "Bump web", "web: 1.4.2", []);

    [Fact]
    public async Task A_wrong_token_fails_at_once_with_a_clear_error()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(
                server.CreateClient("ghp_wrong0000"),
                Spec(),
                CancellationToken.None
            )
        );

        // Assert
        Assert.Equal(401, error.StatusCode);
        Assert.StartsWith(
            "GitHub did not accept the token to open or update the pull request bump/web/prod -> main in sre/config "
                + "(401 Bad credentials). The token is missing, mistyped, revoked or expired",
            error.Message
        );
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_read_only_token_fails_naming_the_permission_to_grant()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.AddToken("ghs_readonly", "reader", canWrite: false);

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(
                server.CreateClient("ghs_readonly"),
                Spec(),
                CancellationToken.None
            )
        );

        // Assert
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("(403 Resource not accessible by integration)", error.Message);
        Assert.Contains("`permissions: pull-requests: write`", error.Message);
    }

    [Fact]
    public async Task A_used_up_rate_limit_fails_saying_when_it_resets()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.InjectFault(new GitHubFault(403));

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(server.CreateClient(), Spec(), CancellationToken.None)
        );

        // Assert
        Assert.Contains(
            "The GitHub API rate limit is used up (5000 requests an hour)",
            error.Message
        );
        Assert.Contains("It resets at 2100-01-01 00:00:00Z", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unknown_repository_fails_with_404_naming_it_and_the_likely_causes()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(
                server.CreateClient(),
                Spec() with
                {
                    Repository = new GitHubRepository("sre", "confg"),
                },
                CancellationToken.None
            )
        );

        // Assert
        Assert.Equal(404, error.StatusCode);
        Assert.Contains(
            "GitHub answered 404 Not Found to open or update the pull request bump/web/prod -> main in sre/confg",
            error.Message
        );
        Assert.Contains("the repository does not exist, or the token cannot see it", error.Message);
    }

    [Fact]
    public async Task A_comment_on_an_unknown_pull_request_names_its_number()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequestComments.UpsertAsync(
                server.CreateClient(),
                Config,
                99,
                "m",
                "diff",
                CancellationToken.None
            )
        );

        // Assert
        Assert.Contains("write the 'm' comment on pull request #99 in sre/config", error.Message);
        Assert.Contains("pull request #99 does not exist in sre/config", error.Message);
    }

    [Fact]
    public async Task A_cancelled_call_stops_before_any_request()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PullRequests.OpenOrUpdateAsync(server.CreateClient(), Spec(), cancelled.Token)
        );

        // Assert
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("", "main", "Title", "needs a head branch")]
    [InlineData("b", " ", "Title", "needs a base branch")]
    [InlineData("b", "main", "", "needs a title")]
    [InlineData("main", "main", "Title", "head and base are both 'main'")]
    public async Task A_spec_missing_a_part_is_a_usage_error_before_any_request(
        string head,
        string baseBranch,
        string title,
        string expected
    )
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();

        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() =>
            PullRequests.OpenOrUpdateAsync(
                server.CreateClient(),
                new PullRequestSpec(Config, head, baseBranch, title, "", []),
                CancellationToken.None
            )
        );

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.Empty(server.Requests);
    }
}
