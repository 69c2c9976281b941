using Pipelines.Clusters;
using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

public sealed class InventoryAndReportTests
{
    private static readonly ClusterDefinition Cluster = new()
    {
        Name = "test-1-35-green",
        Environment = "test",
        KubernetesVersion = "1.33",
        Region = "ap-northeast-1",
        Color = ClusterColor.Green,
        State = ClusterState.Active,
    };

    [Fact]
    public void The_inventory_survives_a_round_trip_through_its_config_map()
    {
        // Arrange
        InventoryEntry[] entries =
        [
            new("apps", "v1", "Deployment", "web", "web-app", "web"),
            new("", "v1", "Namespace", null, "web", "web"),
            new("autoscaling", "v2", "HorizontalPodAutoscaler", "web", "web-app", "web"),
        ];

        // Act
        var configMap = Inventory.ToConfigMap("kube-system", "test", Cluster.Name, entries);
        var read = Inventory.FromConfigMap(configMap);

        // Assert
        var metadata = (Dictionary<string, object?>)configMap["metadata"]!;
        Assert.Equal("pipelines-inventory-test", metadata["name"]);
        Assert.Equal("kube-system", metadata["namespace"]);
        Assert.Equal(entries.OrderBy(e => e.ToString(), StringComparer.Ordinal), read);
        Assert.Equal(
            "autoscaling/v2",
            read.Single(e => e.Kind == "HorizontalPodAutoscaler").ApiVersion
        );
        Assert.Null(read.Single(e => e.Kind == "Namespace").Namespace);
    }

    [Fact]
    public void A_missing_inventory_is_empty()
    {
        // Act
        var read = Inventory.FromConfigMap(null);

        // Assert
        Assert.Empty(read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("apps/Deployment/web/web-app v1")]
    [InlineData("apps/Deployment/web-app v1 web")]
    [InlineData("apps/Deployment/web/web-app v1 web extra")]
    [InlineData("garbage")]
    public void A_malformed_inventory_line_parses_to_null(string line)
    {
        // Act
        var entry = InventoryEntry.Parse(line);

        // Assert
        Assert.Null(entry);
    }

    [Fact]
    public void Malformed_lines_in_an_inventory_are_skipped()
    {
        // Arrange
        var configMap = new Dictionary<string, object?>
        {
            ["data"] = new Dictionary<string, object?>
            {
                ["objects"] = "not an entry\n/ConfigMap/web/settings v1 web\n",
            },
        };

        // Act
        var read = Inventory.FromConfigMap(configMap);

        // Assert
        Assert.Equal([new InventoryEntry("", "v1", "ConfigMap", "web", "settings", "web")], read);
    }

    [Fact]
    public void The_text_report_has_the_column_header_and_the_counts()
    {
        // Arrange
        var report = new ClusterReport(
            Cluster,
            [
                Row("Deployment", "web-app", SyncStatus.OutOfSync, Health.Degraded, "apply failed"),
                Row("Service", "web-app", SyncStatus.Synced, Health.Healthy, ""),
                Row("ConfigMap", "settings", SyncStatus.Synced, Health.Healthy, ""),
                Row("ConfigMap", "old", SyncStatus.Extraneous, null, "no longer desired"),
            ],
            null
        );

        // Act
        var lines = SyncReportWriter.Text(report).ToList();

        // Assert
        Assert.Equal(
            "test-1-35-green (Kubernetes 1.33): 2 Synced, 1 OutOfSync, 1 Extraneous, 1 Degraded",
            lines[0]
        );
        Assert.Equal(
            ["GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "MESSAGE"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
        );
        Assert.Equal(6, lines.Count);
        Assert.Contains(
            lines,
            l => l.StartsWith("apps ", StringComparison.Ordinal) && l.Contains("apply failed")
        );
        Assert.Contains(
            lines,
            l => l.StartsWith("core ", StringComparison.Ordinal) && l.Contains("settings")
        );
    }

    [Fact]
    public void A_failed_cluster_is_one_line_naming_the_error()
    {
        // Arrange
        var report = new ClusterReport(Cluster, [], "test-1-35-green: cannot reach the API server");

        // Act
        var lines = SyncReportWriter.Text(report).ToList();

        // Assert
        Assert.Equal(
            [
                "test-1-35-green (Kubernetes 1.33): FAILED: test-1-35-green: cannot reach the API server",
            ],
            lines
        );
    }

    private static ObjectReport Row(
        string kind,
        string name,
        SyncStatus status,
        Health? health,
        string message
    ) =>
        new(
            kind == "Deployment" ? "apps" : "",
            kind,
            "web",
            name,
            "web",
            status,
            health,
            message,
            [],
            ""
        );
}
