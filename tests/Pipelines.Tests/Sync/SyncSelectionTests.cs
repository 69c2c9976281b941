using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

/// <summary>Issue 13, item 1: --selector and --cluster scope what Sync compares, applies and prunes.</summary>
public sealed class SyncSelectionTests
{
    [Fact]
    public async Task Sync_of_one_app_with_prune_leaves_the_management_apps_alone()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        var before = SyncHarness.InventoryOf(harness.Blue);

        // Act
        var reports = await harness.SyncSelectedAsync(new SyncOptions { Prune = true }, "name=web");

        // Assert
        Assert.All(reports, r => Assert.False(r.Failed, r.Error));
        Assert.DoesNotContain(
            reports.SelectMany(r => r.Objects),
            o => o.Status == SyncStatus.Extraneous || o.Release != "web"
        );
        foreach (var server in new[] { harness.Blue, harness.Green })
        {
            Assert.NotNull(server.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
            Assert.NotNull(
                server.GetObject("apps/v1", "daemonsets", "monitoring", "metrics-agent")
            );
        }
        Assert.Equal(before, SyncHarness.InventoryOf(harness.Blue));
    }

    [Fact]
    public async Task Sync_of_one_app_prunes_what_that_app_no_longer_renders()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        DisableIngress(harness);

        // Act
        var reports = await harness.SyncSelectedAsync(new SyncOptions { Prune = true }, "name=web");

        // Assert
        Assert.Null(harness.Blue.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app"));
        Assert.Contains(
            SyncHarness.Of(reports, "test-1-34-blue").Objects,
            o => o.Kind == "Ingress" && o.Message == "pruned"
        );
        var inventory = SyncHarness.InventoryOf(harness.Blue);
        Assert.DoesNotContain(inventory, e => e.Kind == "Ingress");
        Assert.Contains(inventory, e => e.Release == "log-forwarder");
    }

    [Fact]
    public async Task Sync_of_one_cluster_sends_nothing_to_the_other()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.Blue.ClearRequests();

        // Act
        var reports = await harness.SyncAsync(
            new SyncOptions { Prune = true },
            new RenderOptions("test", "test-1-35-green", [], NeedsGraph.Include.None)
        );

        // Assert
        Assert.Equal("test-1-35-green", Assert.Single(reports).Cluster.Name);
        // Only the harness's stand-in controllers list workloads there.
        Assert.All(harness.Blue.Requests, r => Assert.Contains(r.Path, ControllerLists));
    }

    private static readonly string[] ControllerLists =
    [
        "/apis/apps/v1/deployments",
        "/apis/apps/v1/daemonsets",
    ];

    /// <summary>The web app stops rendering its Ingress, as a values change in Git would.</summary>
    internal static void DisableIngress(SyncHarness harness)
    {
        var values =
            harness.Workspace.Root / "helmfile" / "values" / "apps" / "web" / "values.yaml.gotmpl";
        File.WriteAllText(
            values,
            File.ReadAllText(values)
                .Replace("ingress:\n  enabled: true", "ingress:\n  enabled: false")
        );
    }
}
