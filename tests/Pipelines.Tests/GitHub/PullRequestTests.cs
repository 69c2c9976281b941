using Pipelines.GitHubActions.Api;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.GitHub;

public sealed class PullRequestTests
{
    private const string Head = "bump/web/prod";
    private static readonly GitHubRepository Config = new("sre", "config");

    internal static async Task<GitHubApiTestServer> StartWithConfigRepoAsync(string apiPath = "/")
    {
        var server = await GitHubApiTestServer.StartAsync(apiPath);
        server.AddRepository("sre", "config");
        server.AddBranch("sre", "config", Head);
        return server;
    }

    private static PullRequestSpec Spec(
        string title = "Bump web to 1.4.2 in prod",
        string body = "web: 1.4.1 -> 1.4.2",
        params string[] labels
    ) => new(Config, Head, "main", title, body, labels);

    [Fact]
    public async Task A_pull_request_is_opened_from_the_head_into_the_base_with_the_title_and_body()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync();
        var client = server.CreateClient();

        // Act
        var outcome = await PullRequests.OpenOrUpdateAsync(client, Spec(), CancellationToken.None);

        // Assert
        var pr = Assert.Single(server.PullRequests("sre", "config"));
        Assert.True(outcome.Created);
        Assert.Equal(pr.Number, outcome.Number);
        Assert.Equal(
            new Uri(server.BaseUri, $"sre/config/pull/{pr.Number}").ToString(),
            outcome.Url
        );
        Assert.Equal(("sre:bump/web/prod", "main"), (pr.HeadLabel, pr.Base));
        Assert.Equal(("Bump web to 1.4.2 in prod", "web: 1.4.1 -> 1.4.2"), (pr.Title, pr.Body));
        Assert.Equal(GitHubApiTestServer.BotLogin, pr.Author);
        Assert.True(pr.IsOpen);
    }

    [Fact]
    public async Task The_open_pull_request_is_looked_up_by_owner_head_and_base()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync();

        // Act
        await PullRequests.OpenOrUpdateAsync(server.CreateClient(), Spec(), CancellationToken.None);

        // Assert
        var list = Assert.Single(server.Requests, r => r.Method == "GET");
        Assert.Equal("/repos/sre/config/pulls", list.Path);
        Assert.Contains("state=open", list.Query);
        Assert.Contains("head=sre%3Abump%2Fweb%2Fprod", list.Query);
        Assert.Contains("base=main", list.Query);
        Assert.All(server.Requests, r => Assert.Equal("Bearer", r.AuthorizationScheme));
        Assert.All(server.Requests, r => Assert.StartsWith("pipelines (", r.UserAgent));
    }

    [Fact]
    public async Task An_open_pull_request_for_the_same_head_is_updated_rather_than_duplicated()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync();
        var client = server.CreateClient();
        var first = await PullRequests.OpenOrUpdateAsync(client, Spec(), CancellationToken.None);

        // Act
        var second = await PullRequests.OpenOrUpdateAsync(
            client,
            Spec("Bump web to 1.4.3 in prod", "web: 1.4.1 -> 1.4.3"),
            CancellationToken.None
        );

        // Assert
        var pr = Assert.Single(server.PullRequests("sre", "config"));
        Assert.False(second.Created);
        Assert.Equal(first.Number, second.Number);
        Assert.Equal(first.Url, second.Url);
        Assert.Equal(("Bump web to 1.4.3 in prod", "web: 1.4.1 -> 1.4.3"), (pr.Title, pr.Body));
        Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Single(server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task An_unchanged_pull_request_is_not_written_again()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync();
        var client = server.CreateClient();
        await PullRequests.OpenOrUpdateAsync(client, Spec(), CancellationToken.None);
        server.ClearRequests();

        // Act
        var again = await PullRequests.OpenOrUpdateAsync(client, Spec(), CancellationToken.None);

        // Assert
        Assert.False(again.Created);
        Assert.Equal(["GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_closed_pull_request_for_the_same_head_does_not_count_and_a_new_one_is_opened()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync();
        var closed = server.SeedPullRequest(
            "sre",
            "config",
            Head,
            "main",
            "Old bump",
            state: "closed"
        );

        // Act
        var outcome = await PullRequests.OpenOrUpdateAsync(
            server.CreateClient(),
            Spec(),
            CancellationToken.None
        );

        // Assert
        Assert.True(outcome.Created);
        Assert.NotEqual(closed.Number, outcome.Number);
        var pulls = server.PullRequests("sre", "config");
        Assert.Equal(2, pulls.Count);
        Assert.Equal("Old bump", pulls.Single(p => p.Number == closed.Number).Title);
        Assert.False(pulls.Single(p => p.Number == closed.Number).IsOpen);
    }

    [Fact]
    public async Task Open_pull_requests_from_other_heads_or_into_other_bases_are_left_alone()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync();
        server.AddBranch("sre", "config", "release");
        var otherHead = server.SeedPullRequest(
            "sre",
            "config",
            "bump/api/prod",
            "main",
            "Bump api"
        );
        var otherBase = server.SeedPullRequest(
            "sre",
            "config",
            Head,
            "release",
            "Bump web on release"
        );

        // Act
        var outcome = await PullRequests.OpenOrUpdateAsync(
            server.CreateClient(),
            Spec(),
            CancellationToken.None
        );

        // Assert
        Assert.True(outcome.Created);
        var pulls = server.PullRequests("sre", "config");
        Assert.Equal(3, pulls.Count);
        Assert.Equal("Bump api", pulls.Single(p => p.Number == otherHead.Number).Title);
        Assert.Equal("Bump web on release", pulls.Single(p => p.Number == otherBase.Number).Title);
    }

    [Fact]
    public async Task Labels_are_added_to_a_new_pull_request_and_missing_ones_to_an_existing_one()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync();
        var client = server.CreateClient();
        await PullRequests.OpenOrUpdateAsync(
            client,
            Spec(labels: ["bump"]),
            CancellationToken.None
        );

        // Act
        await PullRequests.OpenOrUpdateAsync(
            client,
            Spec(labels: ["bump", "prod"]),
            CancellationToken.None
        );

        // Assert
        var pr = Assert.Single(server.PullRequests("sre", "config"));
        Assert.Equal(["bump", "prod"], pr.Labels);
        var labelCalls = server
            .Requests.Where(r => r.Path.EndsWith("/labels", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, labelCalls.Count);
        Assert.Equal("[\"prod\"]", labelCalls[1].Body);
    }

    [Fact]
    public async Task A_ghes_style_api_path_is_used_exactly_as_given()
    {
        // Arrange
        await using var server = await StartWithConfigRepoAsync("/api/v3/");

        // Act
        var outcome = await PullRequests.OpenOrUpdateAsync(
            GitHubApi.CreateClient(server.Token, new Uri(server.BaseUri, "api/v3")),
            Spec(),
            CancellationToken.None
        );

        // Assert
        Assert.True(outcome.Created);
        Assert.All(
            server.Requests,
            r => Assert.StartsWith("/api/v3/repos/sre/config/", r.Path + "/")
        );
    }
}
