using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tests.Clusters;

public class ClusterNamingTests
{
    private static ClusterDefinition Cluster(
        string version,
        ClusterColor color,
        ClusterState state = ClusterState.Active
    ) =>
        new()
        {
            Name = ClusterNaming.Name("stage", version, color),
            Environment = "stage",
            KubernetesVersion = version,
            Region = "eu-west-1",
            KubeContext = "x",
            Color = color,
            State = state,
        };

    [Fact]
    public void A_cluster_is_named_env_major_minor_color()
    {
        // Arrange
        var version = "1.34";

        // Act
        var name = ClusterNaming.Name("stage", version, ClusterColor.Green);

        // Assert
        Assert.Equal("stage-1-34-green", name);
    }

    [Fact]
    public void The_next_cluster_takes_the_other_color_than_the_newest_one()
    {
        // Arrange
        var greenNewest = new[]
        {
            Cluster("1.32", ClusterColor.Blue),
            Cluster("1.33", ClusterColor.Green),
        };
        var blueNewest = new[]
        {
            Cluster("1.33", ClusterColor.Green, ClusterState.Retired),
            Cluster("1.34", ClusterColor.Blue),
        };

        // Act
        var afterGreen = ClusterNaming.NextColor(greenNewest);
        var afterBlue = ClusterNaming.NextColor(blueNewest);

        // Assert
        Assert.Equal(ClusterColor.Blue, afterGreen);
        Assert.Equal(ClusterColor.Green, afterBlue);
    }

    [Fact]
    public void Colors_alternate_over_successive_versions_starting_blue()
    {
        // Arrange
        var clusters = new List<ClusterDefinition>();

        // Act
        foreach (var minor in new[] { 31, 32, 33, 34 })
        {
            clusters.Add(Cluster($"1.{minor}", ClusterNaming.NextColor(clusters)));
        }

        // Assert
        Assert.Equal(
            ["stage-1-31-blue", "stage-1-32-green", "stage-1-33-blue", "stage-1-34-green"],
            clusters.Select(c => c.Name)
        );
    }

    [Fact]
    public void A_live_cluster_decides_the_color_over_a_newer_retired_one()
    {
        // Arrange
        var clusters = new[]
        {
            Cluster("1.33", ClusterColor.Blue),
            Cluster("1.34", ClusterColor.Green, ClusterState.Retired),
        };

        // Act
        var next = ClusterNaming.NextColor(clusters);

        // Assert
        Assert.Equal(ClusterColor.Green, next);
    }

    [Theory]
    [InlineData("stage-1-34-green", ClusterColor.Green)]
    [InlineData("stage-1-34-blue", ClusterColor.Blue)]
    public void A_given_name_sets_the_color(string name, ClusterColor expected)
    {
        // Arrange
        var version = "1.34";

        // Act
        var color = ClusterNaming.ColorOf(name, "stage", version);

        // Assert
        Assert.Equal(expected, color);
    }

    [Theory]
    [InlineData("stage-new")]
    [InlineData("prod-1-34-blue")]
    [InlineData("stage-1-33-blue")]
    [InlineData("stage-1-34-red")]
    public void A_given_name_against_the_convention_is_refused_with_the_two_valid_names(string name)
    {
        // Arrange
        var version = "1.34";

        // Act
        var error = Assert.Throws<UsageException>(() =>
            ClusterNaming.ColorOf(name, "stage", version)
        );

        // Assert
        Assert.Contains($"--name {name}", error.Message);
        Assert.Contains("stage-1-34-blue or stage-1-34-green", error.Message);
    }
}
