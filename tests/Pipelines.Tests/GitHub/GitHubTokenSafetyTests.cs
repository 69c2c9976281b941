using Pipelines.Engine;
using Pipelines.GitHubActions.Api;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.GitHub;

public sealed class GitHubTokenSafetyTests
{
    private static readonly GitHubRepository Config = new("sre", "config");

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            yield return e.ToString();
        }
    }

    [Fact]
    public async Task The_token_is_masked_in_the_log_and_never_in_an_error_even_when_a_proxy_echoes_it()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        var log = new Charts.LogCapture();
        var client = server.CreateClient();
        server.InjectFault(
            new GitHubFault(500) { Times = null, Message = $"proxy rejected Bearer {server.Token}" }
        );

        // Act
        Log.Info($"token is {server.Token}");
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequests.OpenOrUpdateAsync(
                client,
                new PullRequestSpec(Config, "b", "main", "t", "", []),
                CancellationToken.None
            )
        );

        // Assert
        Assert.Contains("token is ***", log.Text);
        Assert.Contains("proxy rejected Bearer ***", error.Message);
        Assert.DoesNotContain(server.Token, log.Text);
        Assert.DoesNotContain(server.Token, error.Message);
    }

    [Fact]
    public async Task A_rejected_token_appears_in_no_exception_message_or_output()
    {
        // Arrange
        const string token = "ghp_0123456789abcdefWRONG";
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        var log = new Charts.LogCapture();

        // Act
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            PullRequestComments.UpsertAsync(
                server.CreateClient(token),
                Config,
                1,
                "m",
                "b",
                CancellationToken.None
            )
        );
        Log.Error(error.Message);

        // Assert
        Assert.All(Messages(error), m => Assert.DoesNotContain(token, m));
        Assert.DoesNotContain(token, log.Text);
        Assert.Contains("401 Bad credentials", log.Text);
    }
}
