using Pipelines.Tests.GitHub;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.ConfigRepo;

/// <summary>
/// BumpK8sConfig's pull-request mode: the branch goes to a real bare repo, the pull request to the in-process GitHub
/// API test server through the real Octokit client.
/// </summary>
public sealed class BumpPullRequestTests
{
    private const string Head = "bump/web/prod";

    private static async Task<GitHubApiTestServer> GitHubAsync()
    {
        var server = await GitHubApiTestServer.StartAsync();
        server.AddRepository("sre", "config");
        server.AddBranch("sre", "config", Head);
        return server;
    }

    private static string[] Args(GitHubApiTestServer server, string tag, params string[] more) =>
        [
            "--app",
            "web",
            "--env",
            "prod",
            "--image",
            BumpWorkspace.Image(tag),
            "--github-repository",
            "sre/config",
            "--github-api-url",
            server.ApiUri.ToString(),
            "--github-token",
            server.Token,
            .. more,
        ];

    [Fact]
    public async Task Prod_is_bumped_through_a_pull_request_from_its_own_branch_by_default()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var server = await GitHubAsync();

        // Act
        var result = await workspace.BumpAsync(Args(server, "1a2b3c4"));

        // Assert
        Assert.Equal(0, result.ExitCode);
        var pr = Assert.Single(server.PullRequests("sre", "config"));
        Assert.Equal((Head, "main"), (pr.HeadRef, pr.Base));
        Assert.StartsWith("web(prod): image 1a2b3c4", pr.Title);
        Assert.Contains("tag: 0.1.0-3f2a1bc -> 1a2b3c4", pr.Body);
        Assert.Contains("image-bump", pr.Labels);
        Assert.Contains(
            "1a2b3c4",
            await workspace.Repo.ShowAsync("helmfile/values/apps/web/prod.yaml", Head)
        );
        Assert.Single(await workspace.Repo.SubjectsAsync("main"));
    }

    [Fact]
    public async Task A_second_bump_updates_the_open_pull_request_instead_of_opening_another()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var server = await GitHubAsync();
        await workspace.BumpAsync(Args(server, "1a2b3c4"));

        // Act
        var result = await workspace.BumpAsync(Args(server, "5d6e7f8"));

        // Assert
        Assert.Equal(0, result.ExitCode);
        var pr = Assert.Single(server.PullRequests("sre", "config"));
        Assert.StartsWith("web(prod): image 5d6e7f8", pr.Title);
        Assert.Contains("updated PR #" + pr.Number, result.Output);
        Assert.Contains(
            "5d6e7f8",
            await workspace.Repo.ShowAsync("helmfile/values/apps/web/prod.yaml", Head)
        );
    }

    [Fact]
    public async Task A_github_validation_error_fails_the_bump_with_githubs_message()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var server = await GitHubApiTestServer.StartAsync();
        server.AddRepository("sre", "config");
        server.AddBranch("sre", "config", Head, hasCommits: false);

        // Act
        var result = await workspace.BumpAsync(Args(server, "1a2b3c4"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No commits between", result.AllOutput);
        Assert.Contains("sre/config", result.AllOutput);
    }

    [Fact]
    public async Task Persistent_server_errors_fail_clearly_after_bounded_retries()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var server = await GitHubAsync();
        server.InjectFault(new GitHubFault(502, "POST", "/repos/sre/config/pulls") { Times = 100 });

        // Act
        var result = await workspace.BumpAsync(Args(server, "1a2b3c4"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sre/config", result.AllOutput);
        Assert.Empty(server.PullRequests("sre", "config"));
    }

    [Fact]
    public async Task The_token_never_appears_in_the_output()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var server = await GitHubAsync();
        server.InjectFault(new GitHubFault(401, "GET", "/repos/sre/config/pulls") { Times = 100 });

        // Act
        var result = await workspace.BumpAsync(Args(server, "1a2b3c4"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(server.Token, result.AllOutput);
    }

    [Fact]
    public async Task Without_a_token_a_pull_request_bump_says_how_to_give_one_and_pushes_nothing()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "web",
            "--env",
            "prod",
            "--image",
            BumpWorkspace.Image("1a2b3c4")
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--github-token", result.AllOutput);
        Assert.False(await workspace.Repo.HasBranchAsync(Head));
    }

    [Fact]
    public async Task A_dry_run_names_the_pull_request_it_would_open_and_opens_nothing()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var server = await GitHubAsync();

        // Act
        var result = await workspace.BumpAsync(Args(server, "1a2b3c4", "--dry-run"));

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"open (or update) a pull request {Head} -> main", result.Output);
        Assert.Empty(server.PullRequests("sre", "config"));
        Assert.False(await workspace.Repo.HasBranchAsync(Head));
    }

    [Fact]
    public async Task When_the_base_already_holds_the_image_the_open_pull_request_is_closed_with_the_reason()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var server = await GitHubAsync();
        await workspace.BumpAsync(Args(server, "1a2b3c4"));
        // The same image reaches prod another way: a direct commit.
        await workspace.BumpAsync(Args(server, "1a2b3c4", "--via", "commit"));

        // Act
        var result = await workspace.BumpAsync(Args(server, "1a2b3c4"));

        // Assert
        Assert.Equal(0, result.ExitCode);
        var pr = Assert.Single(server.PullRequests("sre", "config"));
        Assert.False(pr.IsOpen);
        Assert.Contains(
            "main already holds this change",
            Assert.Single(server.Comments("sre", "config", pr.Number)).Body
        );
    }
}
