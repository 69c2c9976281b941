using Pipelines.Engine;
using Pipelines.GitHubActions.Review;
using Pipelines.Tests.Engine;
using Pipelines.Tests.GitHub;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.GitHubActions;

/// <summary>PostReviewComment run by the engine against the in-process GitHub REST server, through real Octokit.</summary>
public sealed class PostReviewCommentTests : IAsyncLifetime
{
    private sealed class ReviewBuild : PipelineBuild, IPullRequestReview;

    private readonly BuildHarness _harness = new();
    private GitHubApiTestServer _server = null!;
    private int _number;

    public async Task InitializeAsync()
    {
        _server = await PullRequestTests.StartWithConfigRepoAsync();
        _number = _server
            .SeedPullRequest("sre", "config", "feature/values", "main", "Raise replicas")
            .Number;
        Directory.CreateDirectory(_harness.Root / "helmfile");
        File.Copy(GeneratedWorkflows.ClustersFile, _harness.Root / "helmfile" / "clusters.yaml");
        Directory.CreateDirectory(_harness.Root / "review");
        _harness.Environment[ParameterNames.Environment(nameof(IPullRequestReview.GitHubToken))] =
            _server.Token;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _harness.Dispose();
    }

    private Task<BuildResult<ReviewBuild>> PostAsync(params string[] more) =>
        _harness.RunAsync(
            new ReviewBuild(),
            [
                "PostReviewComment",
                "--review-directory",
                _harness.Root / "review",
                "--pull-request",
                _number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--review-repository",
                "sre/config",
                "--" + ParameterNames.Kebab(nameof(IPullRequestReview.GitHubApiUrl)),
                _server.ApiUri.ToString(),
                .. more,
            ]
        );

    [Fact]
    public async Task The_diffs_become_one_comment_that_the_next_push_edits()
    {
        // Arrange
        File.WriteAllText(
            _harness.Root / "review" / "test-1-35-green.diff",
            "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a: 1\n+a: 2\n"
        );

        // Act
        var first = await PostAsync();
        File.WriteAllText(_harness.Root / "review" / "test-1-35-green.diff", "");
        var second = await PostAsync();

        // Assert
        Assert.True(first.ExitCode == 0, first.AllOutput);
        Assert.True(second.ExitCode == 0, second.AllOutput);
        var comment = Assert.Single(_server.Comments("sre", "config", _number));
        Assert.StartsWith(
            "<!-- pipelines:helmfile-review -->\n### Helmfile review\n",
            comment.Body
        );
        Assert.Contains("| `test-1-35-green` | test | no change |", comment.Body);
        Assert.Contains(
            "| `prod-1-35-green` | prod | **no diff: the render failed** |",
            comment.Body
        );
        Assert.DoesNotContain(_server.Token, first.Output + second.Output);
    }

    [Fact]
    public async Task Dry_run_prints_the_comment_and_writes_nothing()
    {
        // Arrange
        File.WriteAllText(
            _harness.Root / "review" / "stage-1-35-green.diff",
            "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a: 1\n+a: 2\n"
        );

        // Act
        var result = await PostAsync("--dry-run");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "[dry-run] would write this comment on sre/config pull request #",
            result.Output
        );
        Assert.Contains("| `stage-1-35-green` | stage | 1 file (+1 −1) |", result.Output);
        Assert.Empty(_server.Comments("sre", "config", _number));
    }

    [Fact]
    public async Task Without_a_pull_request_number_it_is_a_usage_error_and_nothing_is_posted()
    {
        // Act
        var result = await _harness.RunAsync(
            new ReviewBuild(),
            "PostReviewComment",
            "--review-repository",
            "sre/config"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--pull-request", result.Output + result.Error);
        Assert.Empty(_server.Comments("sre", "config", _number));
    }
}
