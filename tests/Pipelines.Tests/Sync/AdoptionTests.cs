using k8s;
using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

/// <summary>Issue 13, item 5: an object Sync did not create is not taken over unless --adopt, as helm does.</summary>
public sealed class AdoptionTests
{
    [Fact]
    public async Task A_config_map_made_by_hand_under_a_charts_name_is_left_alone_and_fails_the_cluster()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await MakeByHandAsync(harness);

        // Act
        var reports = await harness.SyncAsync();

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        var configMap = blue.Objects.Single(o => o.Kind == "ConfigMap" && o.Name == "web-app");
        Assert.Equal(SyncStatus.NotManaged, configMap.Status);
        Assert.True(blue.Failed);
        Assert.Contains("ConfigMap web/web-app", blue.Error);
        Assert.Contains("--adopt", blue.Error);
        var live = harness.Blue.GetObject("v1", "configmaps", "web", "web-app")!;
        Assert.Equal("by-hand", live["data"]!["LOG_LEVEL"]!.GetValue<string>());
        Assert.Null(live["metadata"]!["annotations"]?[Tracking.Annotation]);
        Assert.NotNull(harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.DoesNotContain(
            SyncHarness.InventoryOf(harness.Blue),
            e => e.Kind == "ConfigMap" && e.Name == "web-app"
        );
        Assert.Throws<SyncFailedException>(() => SyncFailedException.ThrowIfAny(reports));
    }

    [Fact]
    public async Task Adopt_takes_the_object_over()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await MakeByHandAsync(harness);

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Adopt = true });

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.False(blue.Failed, blue.Error);
        Assert.Contains(
            blue.Objects,
            o => o.Kind == "ConfigMap" && o.Name == "web-app" && o.Message.Contains("adopted")
        );
        var live = harness.Blue.GetObject("v1", "configmaps", "web", "web-app")!;
        Assert.Equal("debug", live["data"]!["LOG_LEVEL"]!.GetValue<string>());
        Assert.Equal(
            "test/test-1-34-blue/web",
            live["metadata"]!["annotations"]![Tracking.Annotation]!.GetValue<string>()
        );
        Assert.Contains(
            SyncHarness.InventoryOf(harness.Blue),
            e => e.Kind == "ConfigMap" && e.Name == "web-app"
        );
    }

    [Fact]
    public async Task A_check_reports_the_object_as_not_managed_and_changes_nothing()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await MakeByHandAsync(harness);

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Check = true });

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.Equal(
            SyncStatus.NotManaged,
            blue.Objects.Single(o => o.Kind == "ConfigMap" && o.Name == "web-app").Status
        );
        Assert.False(blue.InSync);
    }

    /// <summary>What <c>kubectl create namespace web; kubectl create configmap web-app ...</c> leaves behind.</summary>
    private static async Task MakeByHandAsync(SyncHarness harness)
    {
        using var client = harness.Blue.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(
            new k8s.Models.V1Namespace { Metadata = new() { Name = "web" } }
        );
        await client.CoreV1.CreateNamespacedConfigMapAsync(
            new k8s.Models.V1ConfigMap
            {
                Metadata = new() { Name = "web-app" },
                Data = new Dictionary<string, string> { ["LOG_LEVEL"] = "by-hand" },
            },
            "web"
        );
    }
}
