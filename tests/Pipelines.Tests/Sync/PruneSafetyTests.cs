using Pipelines.Sync;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>Issue 13, items 2 and 3: prune runs last, only after a clean sync, and keeps what asks to be kept.</summary>
public sealed class PruneSafetyTests
{
    private const string WebDeployment = "/apis/apps/v1/namespaces/web/deployments/web-app";

    [Fact]
    public async Task Prune_waits_when_applying_a_drifted_object_keeps_failing_with_500()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await DriftWithAnIngressToPruneAsync(harness, failApplyWith: 500);

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Prune = true });

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.True(blue.Failed);
        Assert.Contains("500", blue.Error);
        Assert.NotNull(
            harness.Blue.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app")
        );
        Assert.NotEmpty(blue.Objects);
        Assert.Null(harness.Green.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app"));
    }

    [Fact]
    public async Task Prune_is_skipped_with_the_reason_when_an_apply_is_rejected()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await DriftWithAnIngressToPruneAsync(harness, failApplyWith: 422);

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Prune = true });

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.True(blue.Failed);
        Assert.NotNull(
            harness.Blue.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app")
        );
        var ingress = blue.Objects.Single(o => o.Kind == "Ingress");
        Assert.StartsWith("prune skipped:", ingress.Message);
        Assert.Contains("Deployment web/web-app", ingress.Message);
        Assert.Contains(SyncHarness.InventoryOf(harness.Blue), e => e.Kind == "Ingress");
    }

    [Fact]
    public async Task Prune_is_skipped_when_a_rollout_does_not_become_healthy()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync(controllers: false);
        await harness.SyncAsync(new SyncOptions { HealthTimeout = TimeSpan.FromMilliseconds(200) });
        SyncSelectionTests.DisableIngress(harness);

        // Act
        var reports = await harness.SyncAsync(
            new SyncOptions { Prune = true, HealthTimeout = TimeSpan.FromMilliseconds(200) }
        );

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.NotNull(
            harness.Blue.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app")
        );
        Assert.Contains("not healthy", blue.Objects.Single(o => o.Kind == "Ingress").Message);
    }

    [Theory]
    [InlineData("helm.sh/resource-policy", "keep")]
    [InlineData("argocd.argoproj.io/sync-options", "Validate=false,Prune=false")]
    [InlineData("kustomize.toolkit.fluxcd.io/prune", "disabled")]
    [InlineData("pipelines/prune", "disabled")]
    public async Task An_object_that_asks_to_be_kept_is_not_pruned(string annotation, string value)
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.Blue.PatchAs(
            "kubectl-annotate",
            "networking.k8s.io/v1",
            "ingresses",
            "web",
            "web-app",
            "{\"metadata\":{\"annotations\":{\"" + annotation + "\":\"" + value + "\"}}}"
        );
        SyncSelectionTests.DisableIngress(harness);

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Prune = true });

        // Assert
        Assert.NotNull(
            harness.Blue.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app")
        );
        Assert.Null(harness.Green.GetObject("networking.k8s.io/v1", "ingresses", "web", "web-app"));
        var ingress = SyncHarness
            .Of(reports, "test-1-34-blue")
            .Objects.Single(o => o.Kind == "Ingress");
        Assert.StartsWith($"kept: {annotation}", ingress.Message);
        Assert.False(SyncHarness.Of(reports, "test-1-34-blue").Failed);
    }

    [Fact]
    public async Task Namespaces_and_volume_claims_are_pruned_only_when_prune_kinds_names_them()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        SyncCharts.AddRelease(
            harness,
            "scratch",
            "scratch",
            ("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: scratch-data\n"),
            (
                "pvc.yaml",
                "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: scratch\n"
                    + "spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n"
            ),
            SyncCharts.ConfigMap("settings")
        );
        await harness.SyncAsync();
        var state = harness.Workspace.Root / "helmfile" / "helmfile.yaml";
        File.WriteAllText(
            state,
            File.ReadAllText(state)
                .Replace(
                    "chart: ../charts/scratch",
                    "chart: ../charts/scratch\n    installed: false"
                )
        );

        // Act
        var held = await harness.SyncAsync(new SyncOptions { Prune = true });
        var allowed = await harness.SyncAsync(
            new SyncOptions
            {
                Prune = true,
                PruneKinds = new HashSet<string> { "Namespace", "PersistentVolumeClaim" },
            }
        );

        // Assert
        var kept = SyncHarness.Of(held, "test-1-34-blue").Objects;
        Assert.Contains(
            kept,
            o => o.Kind == "ConfigMap" && o.Name == "settings" && o.Message == "pruned"
        );
        Assert.Contains(
            kept,
            o => o.Kind == "Namespace" && o.Message.Contains("--prune-kinds Namespace")
        );
        Assert.Contains(
            kept,
            o =>
                o.Kind == "PersistentVolumeClaim"
                && o.Message.Contains("--prune-kinds PersistentVolumeClaim")
        );
        Assert.Contains(
            SyncHarness.Of(allowed, "test-1-34-blue").Objects,
            o => o.Kind == "Namespace" && o.Message == "pruned"
        );
        Assert.Null(harness.Blue.GetObject("v1", "namespaces", null, "scratch-data"));
        Assert.DoesNotContain(SyncHarness.InventoryOf(harness.Blue), e => e.Release == "scratch");
    }

    /// <summary>
    /// After a first sync: the web Ingress is no longer wanted (a prune candidate), and the web Deployment drifted
    /// by hand while every apply of it on blue is answered with <paramref name="failApplyWith"/>.
    /// </summary>
    private static async Task DriftWithAnIngressToPruneAsync(SyncHarness harness, int failApplyWith)
    {
        await harness.SyncAsync();
        SyncSelectionTests.DisableIngress(harness);
        harness.Blue.PatchAs(
            "kubectl-edit",
            "apps/v1",
            "deployments",
            "web",
            "web-app",
            """{"spec":{"replicas":5}}"""
        );
        harness.Blue.InjectFault(
            FaultRule.Answer(failApplyWith, WebDeployment, "PATCH", times: null)
        );
    }
}
