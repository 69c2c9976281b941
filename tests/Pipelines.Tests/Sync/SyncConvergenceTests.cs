using System.Text;
using Pipelines.Sync;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>Secret masking, idempotence and convergence after an interrupted sync.</summary>
public sealed class SyncConvergenceTests
{
    private static string Base64(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_changed_secret_is_out_of_sync_without_its_values_in_the_paths_diff_or_report()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        const string Old = "hunter2-old-password";
        const string New = "correct-horse-new-password";
        SyncCharts.AddRelease(
            harness,
            "secrets",
            "web",
            (
                "secret.yaml",
                $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\n  namespace: web\ntype: Opaque\ndata:\n  password: {Base64(Old)}\n  user: {Base64("app")}\n"
            )
        );
        await harness.SyncAsync();
        harness.Blue.PatchAs(
            "kubectl-edit",
            "v1",
            "secrets",
            "web",
            "db-credentials",
            "{\"data\":{\"password\":\"" + Base64(New) + "\"}}"
        );

        // Act
        var check = await harness.SyncAsync(new SyncOptions { Check = true });

        // Assert
        var blue = SyncHarness.Of(check, "test-1-34-blue");
        var secret = blue.Objects.Single(o => o.Kind == "Secret");
        Assert.Equal(SyncStatus.OutOfSync, secret.Status);
        Assert.Equal([".data.password"], secret.ChangedPaths);
        var shown = string.Join(
            "\n",
            [
                .. secret.ChangedPaths,
                secret.Diff,
                secret.Message,
                .. SyncReportWriter.Text(blue),
                .. SyncReportWriter.Markdown(blue),
            ]
        );
        Assert.Contains("***", secret.Diff);
        foreach (var value in new[] { Old, New, Base64(Old), Base64(New) })
        {
            Assert.DoesNotContain(value, shown, StringComparison.Ordinal);
        }
        Assert.True(SyncHarness.Of(check, "test-1-35-green").InSync);
    }

    [Fact]
    public async Task A_second_sync_right_after_the_first_writes_nothing()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        var first = await harness.SyncAsync();
        harness.Blue.ClearRequests();

        // Act
        var second = await harness.SyncAsync();

        // Assert
        Assert.All(first, r => Assert.False(r.Failed, r.Error));
        var blue = SyncHarness.Of(second, "test-1-34-blue");
        Assert.True(blue.InSync, string.Join("\n", SyncReportWriter.Text(blue)));
        // The only writes take and release the cluster's Sync lease: an unchanged inventory is not rewritten.
        Assert.DoesNotContain(
            harness.Blue.Requests,
            r =>
                r.Method is "PATCH" or "POST" or "PUT" or "DELETE"
                && !r.Path.StartsWith("/apis/coordination.k8s.io/", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task A_sync_interrupted_by_a_failing_object_converges_on_the_next_run_without_duplicates()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        harness.Blue.InjectFault(
            FaultRule.Answer(500, "/api/v1/namespaces/web/services/web-app", "PATCH", times: null)
        );
        var interrupted = await harness.SyncAsync();
        var inventoryAfterFailure = InventoryOf(harness.Blue);
        harness.Blue.ClearFaults();
        harness.Blue.ClearRequests();

        // Act
        var rerun = await harness.SyncAsync();
        var rerunPatches = harness
            .Blue.Requests.Where(r => r.Method == "PATCH")
            .Select(r => r.Path)
            .ToList();
        var check = await harness.SyncAsync(new SyncOptions { Check = true });

        // Assert
        Assert.Contains("500", SyncHarness.Of(interrupted, "test-1-34-blue").Error);
        Assert.Null(inventoryAfterFailure);
        Assert.Equal(["/api/v1/namespaces/web/services/web-app"], rerunPatches);
        var blue = SyncHarness.Of(rerun, "test-1-34-blue");
        Assert.False(blue.Failed, string.Join("\n", SyncReportWriter.Text(blue)));
        Assert.All(blue.Objects, o => Assert.Equal(SyncStatus.Synced, o.Status));
        Assert.All(blue.Objects, o => Assert.Equal(Health.Healthy, o.Health));
        Assert.Equal(
            blue.Objects.Count,
            blue.Objects.Select(o => (o.Group, o.Kind, o.Namespace, o.Name)).Distinct().Count()
        );
        Assert.All(check, r => Assert.True(r.InSync));
        var lines = InventoryOf(harness.Blue)!["data"]!["objects"]!.GetValue<string>().Split('\n');
        Assert.Equal(lines.Length, lines.Distinct().Count());
        Assert.Equal(blue.Objects.Count(o => o.Kind != "Namespace"), lines.Length);
    }

    private static System.Text.Json.Nodes.JsonObject? InventoryOf(KubeApiTestServer server) =>
        server.GetObject("v1", "configmaps", "kube-system", "pipelines-inventory-test");
}
