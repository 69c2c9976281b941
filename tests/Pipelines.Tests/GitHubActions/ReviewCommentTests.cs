using Pipelines.Clusters;
using Pipelines.GitHubActions.Review;

namespace Pipelines.Tests.GitHubActions;

public sealed class ReviewCommentTests
{
    private static ClusterDefinition Cluster(string name, string environment) =>
        new()
        {
            Name = name,
            Environment = environment,
            KubernetesVersion = "1.33",
            Region = "ap-northeast-1",
            KubeContext = name,
            Color = ClusterColor.Green,
            State = ClusterState.Active,
        };

    [Fact]
    public void Each_cluster_gets_a_row_and_each_changed_one_a_collapsed_diff()
    {
        // Arrange
        var clusters = new[]
        {
            Cluster("test-1-33-green", "test"),
            Cluster("prod-1-33-green", "prod"),
            Cluster("stage-1-33-green", "stage"),
        };
        var diffs = new Dictionary<string, string>
        {
            ["test-1-33-green"] =
                "--- a/x.yaml\n+++ b/x.yaml\n@@ -1,1 +1,2 @@\n-replicas: 1\n+replicas: 3\n+note: new\n",
            ["prod-1-33-green"] = "",
        };

        // Act
        var body = ReviewComment.Markdown(
            clusters,
            diffs,
            "https://github.example/sre/config/actions/runs/7"
        );

        // Assert
        Assert.Contains("| `test-1-33-green` | test | 1 file (+2 −1) |\n", body);
        Assert.Contains("| `prod-1-33-green` | prod | no change |\n", body);
        Assert.Contains(
            "| `stage-1-33-green` | stage | **no diff: the render failed** ([log](https://github.example/sre/config/actions/runs/7)) |\n",
            body
        );
        Assert.Contains(
            "<details><summary><code>test-1-33-green</code>: 1 file (+2 −1)</summary>\n\n```diff\n--- a/x.yaml\n",
            body
        );
        Assert.DoesNotContain("<code>prod-1-33-green</code>", body);
    }

    [Fact]
    public void A_diff_holding_backticks_gets_a_longer_fence_so_it_cannot_close_the_block()
    {
        // Arrange
        var diffs = new Dictionary<string, string>
        {
            ["test-1-33-green"] = "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+doc: ````\n",
        };

        // Act
        var body = ReviewComment.Markdown([Cluster("test-1-33-green", "test")], diffs, null);

        // Assert
        Assert.Contains("\n`````diff\n", body);
        Assert.Contains("+doc: ````\n`````\n", body);
    }
}
