using k8s;
using k8s.Models;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Sync;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>Issue 13, item 10: bookkeeping that survives concurrent writers, and faults that stay in their cluster.</summary>
public sealed class SyncFaultIsolationTests
{
    private const string InventoryPath =
        "/api/v1/namespaces/kube-system/configmaps/pipelines-inventory-test";

    [Fact]
    public async Task The_inventory_keeps_what_another_sync_wrote_while_this_one_ran()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        SyncSelectionTests.DisableIngress(harness);
        const string theirs = "apps/DaemonSet/logging/log-forwarder-canary v1 log-forwarder";
        harness.Blue.InjectFault(
            FaultRule.Interleave(
                async () =>
                {
                    // Another Sync (of the management apps) records an object between this run's read and write.
                    using var client = harness.Blue.CreateClient();
                    var map = await client.CoreV1.ReadNamespacedConfigMapAsync(
                        "pipelines-inventory-test",
                        "kube-system"
                    );
                    map.Data["objects"] += "\n" + theirs;
                    await client.CoreV1.ReplaceNamespacedConfigMapAsync(
                        map,
                        "pipelines-inventory-test",
                        "kube-system"
                    );
                },
                InventoryPath,
                "PUT"
            )
        );

        // Act
        var reports = await harness.SyncSelectedAsync(new SyncOptions { Prune = true }, "name=web");

        // Assert
        Assert.False(SyncHarness.Of(reports, "test-1-34-blue").Failed);
        var inventory = SyncHarness.InventoryOf(harness.Blue);
        Assert.Contains(inventory, e => e.ToString() == theirs);
        Assert.Contains(inventory, e => e.Release == "web" && e.Kind == "Deployment");
        Assert.DoesNotContain(inventory, e => e.Kind == "Ingress");
        // Theirs, this run's refused for its stale resourceVersion, and this run's again on top of theirs.
        Assert.Equal(
            3,
            harness.Blue.Requests.Count(r => r.Method == "PUT" && r.Path == InventoryPath)
        );
    }

    [Fact]
    public async Task Prune_leaves_an_object_made_again_under_the_same_name_since_it_was_read()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        SyncSelectionTests.DisableIngress(harness);
        const string path = "/apis/networking.k8s.io/v1/namespaces/web/ingresses/web-app";
        harness.Blue.InjectFault(
            FaultRule.Interleave(
                async () =>
                {
                    // Someone deletes the Ingress and makes a new one under its name before the prune's DELETE lands.
                    using var client = harness.Blue.CreateClient();
                    var old = await client.NetworkingV1.ReadNamespacedIngressAsync(
                        "web-app",
                        "web"
                    );
                    await client.NetworkingV1.DeleteNamespacedIngressAsync("web-app", "web");
                    old.Metadata.Uid = null;
                    old.Metadata.ResourceVersion = null;
                    old.Metadata.ManagedFields = null;
                    await client.NetworkingV1.CreateNamespacedIngressAsync(old, "web");
                },
                path,
                "DELETE"
            )
        );

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Prune = true });

        // Assert
        Assert.NotNull(
            harness.Blue.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app")
        );
        Assert.Contains(
            "made again under this name",
            SyncHarness
                .Of(reports, "test-1-34-blue")
                .Objects.Single(o => o.Kind == "Ingress")
                .Message
        );
        Assert.Null(harness.Green.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app"));
    }

    [Fact]
    public async Task An_http_timeout_fails_that_cluster_alone_with_its_report()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        harness.Blue.InjectFault(
            FaultRule.Slow(TimeSpan.FromSeconds(30), "/apis/apps/v1", "PATCH")
        );

        // Act
        var reports = await harness.SyncAsync(
            null,
            new RenderOptions("test", null, [], NeedsGraph.Include.None),
            cluster =>
            {
                var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(
                    harness.Kubeconfig,
                    currentContext: cluster.KubeContext
                );
                config.HttpClientTimeout = TimeSpan.FromSeconds(1);
                return new k8s.Kubernetes(config);
            }
        );

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.Contains("did not answer in time", blue.Error);
        Assert.NotEmpty(blue.Objects);
        Assert.Contains("FAILED", SyncReportWriter.Text(blue).First());
        Assert.Contains(SyncReportWriter.Text(blue), l => l.Contains("web-app"));
        Assert.False(SyncHarness.Of(reports, "test-1-35-green").Failed);
        Assert.NotNull(harness.Green.GetObject("apps/v1", "deployments", "web", "web-app"));
    }

    [Fact]
    public async Task An_unexpected_exception_fails_that_cluster_alone()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();

        // Act
        var reports = await harness.SyncAsync(
            null,
            new RenderOptions("test", null, [], NeedsGraph.Include.None),
            cluster =>
                cluster.Name == "test-1-34-blue"
                    ? throw new NotSupportedException("a client this build cannot make")
                    : KubeConnections.Create(cluster, harness.Kubeconfig)
        );

        // Assert
        Assert.Contains(
            "unexpected NotSupportedException: a client this build cannot make",
            SyncHarness.Of(reports, "test-1-34-blue").Error
        );
        Assert.False(SyncHarness.Of(reports, "test-1-35-green").Failed);
    }
}
