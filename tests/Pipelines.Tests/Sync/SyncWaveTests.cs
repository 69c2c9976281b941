using Pipelines.Failures;
using Pipelines.Sync;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>Sync waves against the blue test server, read from the order its PATCH requests arrived in.</summary>
public sealed class SyncWaveTests
{
    private const string Inventory =
        "/api/v1/namespaces/kube-system/configmaps/pipelines-inventory-test";

    private static List<string> Patches(KubeApiTestServer server) =>
        server.Requests.Where(r => r.Method == "PATCH").Select(r => r.Path).ToList();

    private static bool IsNamespace(string path) =>
        path.StartsWith("/api/v1/namespaces/", StringComparison.Ordinal)
        && path.Count(c => c == '/') == 4;

    [Fact]
    public async Task Namespaces_go_first_then_wave_minus_one_then_wave_zero_then_wave_five()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        SyncCharts.AddRelease(
            harness,
            "waves",
            "web",
            SyncCharts.ConfigMap("wave-late", wave: "5"),
            SyncCharts.ConfigMap("wave-early", wave: "-1"),
            SyncCharts.ConfigMap("wave-default")
        );
        const string Early = "/api/v1/namespaces/web/configmaps/wave-early";
        const string Late = "/api/v1/namespaces/web/configmaps/wave-late";

        // Act
        var reports = await harness.SyncAsync();

        // Assert
        Assert.All(reports, r => Assert.False(r.Failed, r.Error));
        var patches = Patches(harness.Blue);
        var namespaces = patches.Where(IsNamespace).ToList();
        var waveZero = patches
            .Where(p => !IsNamespace(p) && p is not Early and not Late and not Inventory)
            .ToList();
        Assert.Contains("/api/v1/namespaces/web", namespaces);
        Assert.Contains("/api/v1/namespaces/web/configmaps/wave-default", waveZero);
        Assert.Contains("/apis/apps/v1/namespaces/web/deployments/web-app", waveZero);
        Assert.Equal(1, patches.Count(p => p == Early));
        Assert.Equal(1, patches.Count(p => p == Late));
        var lastNamespace = namespaces.Max(patches.IndexOf);
        Assert.True(lastNamespace < patches.IndexOf(Early), string.Join("\n", patches));
        Assert.True(
            patches.IndexOf(Early) < waveZero.Min(patches.IndexOf),
            string.Join("\n", patches)
        );
        Assert.True(
            waveZero.Max(patches.LastIndexOf) < patches.IndexOf(Late),
            string.Join("\n", patches)
        );
        // The inventory is created (POST) once everything is applied.
        var writes = harness
            .Blue.Requests.Where(r => r.Method is "PATCH" or "POST")
            .Select(r => r.Path)
            .ToList();
        Assert.True(
            writes.IndexOf(Late) < writes.LastIndexOf(Inventory[..Inventory.LastIndexOf('/')])
        );
    }

    [Fact]
    public async Task A_wave_that_is_not_an_integer_fails_before_anything_is_applied()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        SyncCharts.AddRelease(
            harness,
            "waves",
            "web",
            SyncCharts.ConfigMap("bad-wave", wave: "soon")
        );

        // Act
        var error = await Assert.ThrowsAsync<Pipelines.Failures.UsageException>(() =>
            harness.SyncAsync()
        );

        // Assert
        Assert.Contains("bad-wave", error.Message);
        Assert.Empty(Patches(harness.Blue));
    }

    [Fact]
    public async Task An_object_whose_template_leaves_out_the_namespace_lands_in_the_release_namespace()
    {
        // Arrange: helm install -n web puts such an object in web (helm template leaves metadata.namespace unset)
        await using var harness = await SyncHarness.StartAsync();
        SyncCharts.AddRelease(
            harness,
            "plain",
            "web",
            (
                "settings.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain-settings\ndata:\n  a: b\n"
            )
        );

        // Act
        var reports = await harness.SyncAsync();

        // Assert
        var settings = SyncHarness
            .Of(reports, "test-1-34-blue")
            .Objects.Single(o => o.Name == "plain-settings");
        Assert.Equal("web", settings.Namespace);
        Assert.NotNull(harness.Blue.GetObject("v1", "configmaps", "web", "plain-settings"));
        Assert.Null(harness.Blue.GetObject("v1", "configmaps", "default", "plain-settings"));
    }
}
