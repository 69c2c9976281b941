using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.GitHub;

/// <summary>The fake GitHub's protocol, checked with a raw HttpClient against what GitHub answers.</summary>
public sealed class GitHubApiTestServerTests
{
    private static async Task<(
        HttpStatusCode Status,
        JsonNode? Json,
        HttpResponseMessage Response
    )> SendAsync(
        GitHubApiTestServer server,
        HttpMethod method,
        string path,
        string? token,
        string? body = null,
        string scheme = "Bearer"
    )
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(
            method,
            new Uri(server.ApiUri, path.TrimStart('/'))
        );
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (
            response.StatusCode,
            text.Length > 0 && text[0] is '{' or '[' ? JsonNode.Parse(text) : null,
            response
        );
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_requires_authentication_and_a_wrong_one_bad_credentials()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();

        // Act
        var none = await SendAsync(server, HttpMethod.Get, "repos/sre/config/pulls", null);
        var wrong = await SendAsync(server, HttpMethod.Get, "repos/sre/config/pulls", "nope");
        var classic = await SendAsync(
            server,
            HttpMethod.Get,
            "repos/sre/config/pulls",
            server.Token,
            scheme: "token"
        );

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal("Requires authentication", none.Json!["message"]!.GetValue<string>());
        Assert.Equal(
            "https://docs.github.com/rest",
            none.Json["documentation_url"]!.GetValue<string>()
        );
        Assert.Equal("401", none.Json["status"]!.GetValue<string>());
        Assert.Equal("Bad credentials", wrong.Json!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, classic.Status);
        Assert.Equal("token", server.Requests[^1].AuthorizationScheme);
    }

    [Theory]
    [InlineData("repos/sre/nope/pulls")]
    [InlineData("repos/sre/config/pulls/42")]
    [InlineData("repos/sre/config/issues/comments/7")]
    [InlineData("repos/sre/config/branches")]
    public async Task Unknown_repositories_numbers_and_routes_get_githubs_404(string path)
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();

        // Act
        var (status, json, _) = await SendAsync(server, HttpMethod.Get, path, server.Token);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", json!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_open_pull_request_for_the_same_head_and_base_gets_githubs_422()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        const string create = """{"title":"Bump","head":"bump/web/prod","base":"main"}""";
        var first = await SendAsync(
            server,
            HttpMethod.Post,
            "repos/sre/config/pulls",
            server.Token,
            create
        );

        // Act
        var second = await SendAsync(
            server,
            HttpMethod.Post,
            "repos/sre/config/pulls",
            server.Token,
            create
        );

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal("sre:bump/web/prod", first.Json!["head"]!["label"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode)422, second.Status);
        Assert.Equal(
            """{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for sre:bump/web/prod."}],"documentation_url":"https://docs.github.com/rest","status":"422"}""",
            second.Json!.ToJsonString()
        );
        Assert.Single(server.PullRequests("sre", "config"));
    }

    [Fact]
    public async Task Reopening_a_closed_pull_request_while_another_is_open_for_its_head_gets_422()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        var closed = server.SeedPullRequest(
            "sre",
            "config",
            "bump/web/prod",
            "main",
            "Old",
            state: "closed"
        );
        server.SeedPullRequest("sre", "config", "bump/web/prod", "main", "New");

        // Act
        var (status, json, _) = await SendAsync(
            server,
            HttpMethod.Patch,
            $"repos/sre/config/pulls/{closed.Number}",
            server.Token,
            """{"state":"open"}"""
        );

        // Assert
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("A pull request already exists", json!.ToJsonString());
    }

    [Fact]
    public async Task Lists_are_paged_with_absolute_link_headers_that_keep_the_filters()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        for (var i = 0; i < 5; i++)
        {
            server.SeedPullRequest("sre", "config", $"b{i}", "main", $"PR {i}");
        }

        // Act
        var first = await SendAsync(
            server,
            HttpMethod.Get,
            "repos/sre/config/pulls?state=open&per_page=2",
            server.Token
        );
        var last = await SendAsync(
            server,
            HttpMethod.Get,
            "repos/sre/config/pulls?state=open&per_page=2&page=3",
            server.Token
        );

        // Assert
        var api = server.ApiUri.ToString();
        Assert.Equal(
            $"<{api}repos/sre/config/pulls?state=open&per_page=2&page=2>; rel=\"next\", "
                + $"<{api}repos/sre/config/pulls?state=open&per_page=2&page=3>; rel=\"last\"",
            first.Response.Headers.GetValues("Link").Single()
        );
        Assert.Equal(
            ["PR 4", "PR 3"],
            first.Json!.AsArray().Select(p => p!["title"]!.GetValue<string>())
        );
        Assert.Equal(["PR 0"], last.Json!.AsArray().Select(p => p!["title"]!.GetValue<string>()));
        Assert.DoesNotContain("rel=\"next\"", last.Response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task A_head_filter_without_the_owner_is_ignored_as_github_does()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.SeedPullRequest("sre", "config", "bump/web/prod", "main", "Web");
        server.SeedPullRequest("sre", "config", "bump/api/prod", "main", "Api");

        // Act
        var bare = await SendAsync(
            server,
            HttpMethod.Get,
            "repos/sre/config/pulls?head=bump/web/prod",
            server.Token
        );
        var owned = await SendAsync(
            server,
            HttpMethod.Get,
            "repos/sre/config/pulls?head=sre:bump/web/prod",
            server.Token
        );

        // Assert
        Assert.Equal(2, bare.Json!.AsArray().Count);
        Assert.Equal("Web", Assert.Single(owned.Json!.AsArray())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Labels_are_accepted_as_a_list_or_an_object_and_all_labels_are_returned()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        var pr = server.SeedPullRequest("sre", "config", "b", "main", "PR");

        // Act
        await SendAsync(
            server,
            HttpMethod.Post,
            $"repos/sre/config/issues/{pr.Number}/labels",
            server.Token,
            """["bump"]"""
        );
        var (_, json, _) = await SendAsync(
            server,
            HttpMethod.Post,
            $"repos/sre/config/issues/{pr.Number}/labels",
            server.Token,
            """{"labels":["prod","bump"]}"""
        );

        // Assert
        Assert.Equal(["bump", "prod"], json!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.Equal(["bump", "prod"], server.PullRequests("sre", "config").Single().Labels);
    }

    [Fact]
    public async Task Empty_and_too_long_comments_get_githubs_validation_errors()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        var pr = server.SeedPullRequest("sre", "config", "b", "main", "PR");
        var path = $"repos/sre/config/issues/{pr.Number}/comments";
        var tooLong = new JsonObject
        {
            ["body"] = new string('x', GitHubApiTestServer.MaxCommentLength + 1),
        };

        // Act
        var empty = await SendAsync(server, HttpMethod.Post, path, server.Token, """{"body":""}""");
        var huge = await SendAsync(
            server,
            HttpMethod.Post,
            path,
            server.Token,
            tooLong.ToJsonString()
        );

        // Assert
        Assert.Contains(
            "\"code\":\"missing_field\",\"field\":\"body\"",
            empty.Json!.ToJsonString()
        );
        Assert.Contains(
            "Body is too long (maximum is 65536 characters)",
            huge.Json!.ToJsonString()
        );
        Assert.Empty(server.Comments("sre", "config", pr.Number));
    }

    [Fact]
    public async Task A_read_only_token_may_read_but_not_write()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.AddToken("ghs_ro", "reader", canWrite: false);

        // Act
        var read = await SendAsync(server, HttpMethod.Get, "repos/sre/config/pulls", "ghs_ro");
        var write = await SendAsync(
            server,
            HttpMethod.Post,
            "repos/sre/config/pulls",
            "ghs_ro",
            """{"title":"t","head":"bump/web/prod","base":"main"}"""
        );

        // Assert
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
        Assert.Equal(
            "Resource not accessible by integration",
            write.Json!["message"]!.GetValue<string>()
        );
        Assert.Empty(server.PullRequests("sre", "config"));
    }

    [Fact]
    public async Task Under_an_enterprise_api_path_nothing_is_served_outside_it()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync("/api/v3/");

        // Act
        var inside = await SendAsync(server, HttpMethod.Get, "repos/sre/config", server.Token);
        using var http = new HttpClient();
        var outside = await http.GetAsync(new Uri(server.BaseUri, "repos/sre/config"));

        // Assert
        Assert.Equal(new Uri(server.BaseUri, "api/v3/"), server.ApiUri);
        Assert.Equal(HttpStatusCode.OK, inside.Status);
        Assert.Equal("sre/config", inside.Json!["full_name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task A_fault_answers_the_next_matching_requests_and_then_the_server_serves_again()
    {
        // Arrange
        await using var server = await PullRequestTests.StartWithConfigRepoAsync();
        server.InjectFault(
            new GitHubFault(429, "GET", "/repos/sre/config/pulls") { RetryAfterSeconds = 7 }
        );

        // Act
        var throttled = await SendAsync(
            server,
            HttpMethod.Get,
            "repos/sre/config/pulls",
            server.Token
        );
        var served = await SendAsync(
            server,
            HttpMethod.Get,
            "repos/sre/config/pulls",
            server.Token
        );

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Response.Headers.RetryAfter!.Delta);
        Assert.StartsWith(
            "You have exceeded a secondary rate limit",
            throttled.Json!["message"]!.GetValue<string>()
        );
        Assert.Equal(HttpStatusCode.OK, served.Status);
    }
}
