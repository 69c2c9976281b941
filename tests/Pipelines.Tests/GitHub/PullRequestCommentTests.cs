using Pipelines.GitHubActions.Api;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.GitHub;

public sealed class PullRequestCommentTests
{
    private const string Marker = "pipelines:helmfile-review";
    private static readonly GitHubRepository Config = new("sre", "config");

    private static async Task<(GitHubApiTestServer Server, int Number)> StartWithPullRequestAsync()
    {
        var server = await PullRequestTests.StartWithConfigRepoAsync();
        var pr = server.SeedPullRequest(
            "sre",
            "config",
            "feature/values",
            "main",
            "Raise replicas"
        );
        return (server, pr.Number);
    }

    [Fact]
    public async Task The_comment_is_created_once_with_the_marker_as_a_hidden_first_line()
    {
        // Arrange
        var (server, number) = await StartWithPullRequestAsync();
        await using var _ = server;

        // Act
        var outcome = await PullRequestComments.UpsertAsync(
            server.CreateClient(),
            Config,
            number,
            Marker,
            "## Diff\n+ replicas: 3",
            CancellationToken.None
        );

        // Assert
        var comment = Assert.Single(server.Comments("sre", "config", number));
        Assert.True(outcome.Created);
        Assert.Equal(comment.Id, outcome.Id);
        Assert.Equal("<!-- pipelines:helmfile-review -->\n## Diff\n+ replicas: 3", comment.Body);
        Assert.EndsWith($"sre/config/pull/{number}#issuecomment-{comment.Id}", outcome.Url);
    }

    [Fact]
    public async Task The_next_call_edits_that_comment_and_leaves_others_comments_untouched()
    {
        // Arrange
        var (server, number) = await StartWithPullRequestAsync();
        await using var _ = server;
        var client = server.CreateClient();
        var before = server.SeedComment("sre", "config", number, "Looks good", "alice");
        var first = await PullRequestComments.UpsertAsync(
            client,
            Config,
            number,
            Marker,
            "old diff",
            CancellationToken.None
        );
        var quote = server.SeedComment(
            "sre",
            "config",
            number,
            "> <!-- pipelines:helmfile-review -->\n> old diff\nWhy?",
            "bob"
        );

        // Act
        var second = await PullRequestComments.UpsertAsync(
            client,
            Config,
            number,
            Marker,
            "new diff",
            CancellationToken.None
        );

        // Assert
        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);
        var comments = server.Comments("sre", "config", number);
        Assert.Equal(3, comments.Count);
        Assert.Single(
            comments,
            c => c.Body.StartsWith("<!-- pipelines:helmfile-review -->", StringComparison.Ordinal)
        );
        Assert.Equal(
            "<!-- pipelines:helmfile-review -->\nnew diff",
            comments.Single(c => c.Id == first.Id).Body
        );
        Assert.Equal(before, comments.Single(c => c.Id == before.Id));
        Assert.Equal(quote, comments.Single(c => c.Id == quote.Id));
    }

    [Fact]
    public async Task A_comment_with_another_marker_is_a_different_comment()
    {
        // Arrange
        var (server, number) = await StartWithPullRequestAsync();
        await using var _ = server;
        var client = server.CreateClient();
        await PullRequestComments.UpsertAsync(
            client,
            Config,
            number,
            "pipelines:plan",
            "plan",
            CancellationToken.None
        );

        // Act
        var review = await PullRequestComments.UpsertAsync(
            client,
            Config,
            number,
            Marker,
            "diff",
            CancellationToken.None
        );

        // Assert
        Assert.True(review.Created);
        Assert.Equal(2, server.Comments("sre", "config", number).Count);
    }

    [Fact]
    public async Task The_marker_comment_is_found_on_a_later_page_of_comments()
    {
        // Arrange
        var (server, number) = await StartWithPullRequestAsync();
        await using var _ = server;
        for (var i = 0; i < 130; i++)
        {
            server.SeedComment("sre", "config", number, $"comment {i}", "alice");
        }
        var mine = server.SeedComment(
            "sre",
            "config",
            number,
            $"<!-- {Marker} -->\nold diff",
            GitHubApiTestServer.BotLogin
        );
        server.SeedComment("sre", "config", number, "after", "alice");

        // Act
        var outcome = await PullRequestComments.UpsertAsync(
            server.CreateClient(),
            Config,
            number,
            Marker,
            "new diff",
            CancellationToken.None
        );

        // Assert
        Assert.False(outcome.Created);
        Assert.Equal(mine.Id, outcome.Id);
        Assert.Equal(132, server.Comments("sre", "config", number).Count);
        Assert.Equal(
            $"<!-- {Marker} -->\nnew diff",
            server.Comments("sre", "config", number).Single(c => c.Id == mine.Id).Body
        );
        var pages = server.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("page=2", pages[1].Query);
    }

    [Fact]
    public async Task An_unchanged_comment_is_not_written_again()
    {
        // Arrange
        var (server, number) = await StartWithPullRequestAsync();
        await using var _ = server;
        var client = server.CreateClient();
        await PullRequestComments.UpsertAsync(
            client,
            Config,
            number,
            Marker,
            "diff",
            CancellationToken.None
        );
        server.ClearRequests();

        // Act
        var again = await PullRequestComments.UpsertAsync(
            client,
            Config,
            number,
            Marker,
            "diff",
            CancellationToken.None
        );

        // Assert
        Assert.False(again.Created);
        Assert.Equal(["GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_body_too_long_for_github_is_cut_at_a_line_end_with_its_code_block_closed()
    {
        // Arrange
        var (server, number) = await StartWithPullRequestAsync();
        await using var _ = server;
        var diff =
            "```diff\n"
            + string.Concat(Enumerable.Range(0, 5000).Select(i => $"+ line {i:D5} of the diff\n"))
            + "```";

        // Act
        await PullRequestComments.UpsertAsync(
            server.CreateClient(),
            Config,
            number,
            Marker,
            diff,
            CancellationToken.None
        );

        // Assert
        var body = Assert.Single(server.Comments("sre", "config", number)).Body;
        Assert.True(body.Length <= PullRequestComments.MaxBodyLength);
        Assert.Contains("more characters did not fit in a GitHub comment", body);
        Assert.Contains("of the diff\n```\n\n_(cut short", body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a--b")]
    [InlineData("a>b")]
    [InlineData("two\nlines")]
    public async Task A_marker_that_cannot_live_in_an_html_comment_is_refused_before_any_request(
        string marker
    )
    {
        // Arrange
        var (server, number) = await StartWithPullRequestAsync();
        await using var _ = server;

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            PullRequestComments.UpsertAsync(
                server.CreateClient(),
                Config,
                number,
                marker,
                "diff",
                CancellationToken.None
            )
        );

        // Assert
        Assert.Contains("inside an HTML comment", error.Message);
        Assert.Empty(server.Requests);
    }
}
