using Pipelines.Sync.Diff;
using static Pipelines.Tests.Sync.Diff.Manifests;

namespace Pipelines.Tests.Sync.Diff;

public class DriftComparerTests
{
    private const string Label = "apps/Deployment web/web";

    private static ObjectDiff Compare(
        Dictionary<string, object?> desired,
        Dictionary<string, object?> live,
        params IgnoreDifferencesRule[] rules
    ) => DriftComparer.Compare(desired, live, rules, Label);

    private static Dictionary<string, object?> LiveWith(string from, string to) =>
        FromYaml(LiveDeployment.Replace(from, to, StringComparison.Ordinal));

    [Fact]
    public void A_live_object_with_server_defaults_status_and_reordered_containers_is_in_sync()
    {
        // Act
        var diff = Compare(FromYaml(Deployment), FromYaml(LiveDeployment));

        // Assert
        Assert.True(diff.InSync);
        Assert.Empty(diff.ChangedPaths);
        Assert.Equal("", diff.UnifiedDiff);
    }

    [Fact]
    public void A_replicas_change_made_by_hand_is_drift_naming_spec_replicas()
    {
        // Arrange
        var live = LiveWith(
            "  replicas: 3\n  revisionHistoryLimit",
            "  replicas: 5\n  revisionHistoryLimit"
        );

        // Act
        var diff = Compare(FromYaml(Deployment), live);

        // Assert
        Assert.False(diff.InSync);
        Assert.Equal([".spec.replicas"], diff.ChangedPaths);
        Assert.StartsWith($"--- live/{Label}\n+++ desired/{Label}\n", diff.UnifiedDiff);
        Assert.Contains("-  replicas: 5\n", diff.UnifiedDiff);
        Assert.Contains("+  replicas: 3\n", diff.UnifiedDiff);
    }

    [Fact]
    public void An_image_change_names_the_container_by_name_and_the_diff_shows_only_that_line()
    {
        // Arrange
        var live = LiveWith("web:1.4.2", "web:1.4.1-hotfix");

        // Act
        var diff = Compare(FromYaml(Deployment), live);

        // Assert
        Assert.Equal([".spec.template.spec.containers[name=web].image"], diff.ChangedPaths);
        var changed = diff
            .UnifiedDiff.Split('\n')
            .Where(l => l.StartsWith('+') || l.StartsWith('-'))
            .ToList();
        Assert.Equal(4, changed.Count);
        Assert.Contains(
            changed,
            l =>
                l.EndsWith("image: registry.example.com/web:1.4.1-hotfix", StringComparison.Ordinal)
        );
        Assert.DoesNotContain("imagePullPolicy", diff.UnifiedDiff);
        Assert.DoesNotContain("cpu: \"1\"", diff.UnifiedDiff);
    }

    [Fact]
    public void Changed_paths_are_sorted_and_quote_keys_that_are_not_identifiers()
    {
        // Arrange
        var desired = FromYaml(
            "metadata:\n  labels:\n    app.kubernetes.io/name: web\n    team: a\nspec:\n  replicas: 2\n"
        );
        var live = FromYaml(
            "metadata:\n  labels:\n    app.kubernetes.io/name: api\nspec:\n  replicas: 1\n"
        );

        // Act
        var diff = Compare(desired, live);

        // Assert
        Assert.Equal(
            [
                ".metadata.labels.team",
                ".metadata.labels[\"app.kubernetes.io/name\"]",
                ".spec.replicas",
            ],
            diff.ChangedPaths
        );
    }

    [Theory]
    [InlineData("1000m", "\"1\"")]
    [InlineData("1", "1000m")]
    [InlineData("1Gi", "1024Mi")]
    [InlineData("0.5", "500m")]
    [InlineData("1e3", "1k")]
    [InlineData("\"2\"", "2")]
    public void Resource_quantities_are_equal_by_value(string desiredCpu, string liveCpu)
    {
        // Arrange
        var desired = FromYaml($"spec:\n  resources:\n    limits:\n      cpu: {desiredCpu}\n");
        var live = FromYaml($"spec:\n  resources:\n    limits:\n      cpu: {liveCpu}\n");

        // Act
        var diff = Compare(desired, live);

        // Assert
        Assert.True(diff.InSync, string.Join(", ", diff.ChangedPaths));
    }

    [Fact]
    public void Quantities_that_differ_in_value_and_quantity_like_labels_are_drift()
    {
        // Arrange
        var desired = FromYaml(
            "metadata:\n  labels:\n    size: 1k\nspec:\n  hard:\n    pods: \"10\"\n"
        );
        var live = FromYaml(
            "metadata:\n  labels:\n    size: \"1000\"\nspec:\n  hard:\n    pods: \"11\"\n"
        );

        // Act
        var diff = Compare(desired, live);

        // Assert
        Assert.Equal([".metadata.labels.size", ".spec.hard.pods"], diff.ChangedPaths);
    }
}
