using Pipelines.Sync;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>--check and the compare step read live state with a LIST per kind (request counts, never timings).</summary>
public sealed class CheapCheckTests
{
    private const string Inventory =
        "/api/v1/namespaces/kube-system/configmaps/pipelines-inventory-test";

    /// <summary>Sync's requests: without the harness's controller loop, which lists Deployments and DaemonSets.</summary>
    private static List<KubeRequest> SyncRequests(KubeApiTestServer server) =>
        server
            .Requests.Where(r =>
                !(
                    r.Method == "GET"
                    && !r.Query.Contains("labelSelector", StringComparison.Ordinal)
                    && r.Path is "/apis/apps/v1/deployments" or "/apis/apps/v1/daemonsets"
                )
            )
            .ToList();

    private static bool IsList(KubeRequest request) =>
        request.Method == "GET"
        && Uri.UnescapeDataString(request.Query)
            .Contains("labelSelector=pipelines/cluster=test-1-34-blue", StringComparison.Ordinal);

    [Fact]
    public async Task Check_reads_the_live_state_with_one_list_per_kind_and_no_get_per_object()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        var synced = await harness.SyncAsync();
        harness.Blue.ClearRequests();

        // Act
        var check = await harness.SyncAsync(new SyncOptions { Check = true });

        // Assert
        var blue = SyncHarness.Of(check, "test-1-34-blue");
        Assert.True(blue.InSync, string.Join("\n", SyncReportWriter.Text(blue)));
        var kinds = SyncHarness
            .Of(synced, "test-1-34-blue")
            .Objects.Select(o => (o.Group, o.Kind))
            .Distinct()
            .Count();
        var requests = SyncRequests(harness.Blue);
        Assert.Equal(kinds, requests.Count(IsList));
        Assert.Equal([Inventory], requests.Where(r => !IsList(r)).Select(r => r.Path));
        Assert.True(
            blue.Objects.Count > requests.Count,
            $"{blue.Objects.Count} objects, {requests.Count} requests"
        );
    }

    [Fact]
    public async Task Check_gets_only_an_object_that_lacks_the_cluster_label()
    {
        // Arrange: someone took the label off one synced ConfigMap
        await using var harness = await SyncHarness.StartAsync();
        SyncCharts.AddRelease(harness, "extra", "web", SyncCharts.ConfigMap("unlabelled"));
        await harness.SyncAsync();
        harness.Blue.PatchAs(
            "kubectl-label",
            "v1",
            "configmaps",
            "web",
            "unlabelled",
            """{"metadata":{"labels":{"pipelines/cluster":null}}}"""
        );
        harness.Blue.ClearRequests();

        // Act
        var check = await harness.SyncAsync(new SyncOptions { Check = true });

        // Assert
        Assert.Equal(
            [Inventory, "/api/v1/namespaces/web/configmaps/unlabelled"],
            SyncRequests(harness.Blue).Where(r => !IsList(r)).Select(r => r.Path).Order()
        );
        var unlabelled = SyncHarness
            .Of(check, "test-1-34-blue")
            .Objects.Single(o => o.Name == "unlabelled");
        Assert.Equal(SyncStatus.OutOfSync, unlabelled.Status);
    }

    [Fact]
    public async Task A_resync_with_nothing_changed_lists_and_applies_only_the_inventory()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.Blue.ClearRequests();

        // Act
        var again = await harness.SyncAsync();

        // Assert
        Assert.False(SyncHarness.Of(again, "test-1-34-blue").Failed);
        var objectRequests = SyncRequests(harness.Blue)
            .Where(r =>
                !IsList(r)
                && r.Path != Inventory
                && !r.Path.StartsWith("/apis/coordination.k8s.io/", StringComparison.Ordinal)
            )
            .ToList();
        Assert.Empty(objectRequests);
    }
}
