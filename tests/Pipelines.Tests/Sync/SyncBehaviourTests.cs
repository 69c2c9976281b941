using k8s;
using Pipelines.Sync;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

public sealed class SyncBehaviourTests
{
    [Fact]
    public async Task Prune_removes_what_an_app_left_behind_when_it_moved_to_the_green_cluster()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.SetBlueCarries("tier=management");

        // Act
        var unpruned = await harness.SyncAsync(new SyncOptions { Check = true });
        var pruned = await harness.SyncAsync(new SyncOptions { Prune = true });

        // Assert
        Assert.Contains(
            SyncHarness.Of(unpruned, "test-1-34-blue").Objects,
            o => o.Status == SyncStatus.Extraneous && o.Name == "web-app"
        );
        Assert.Null(harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.NotNull(harness.Green.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.NotNull(harness.Blue.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
        Assert.Contains(
            SyncHarness.Of(pruned, "test-1-34-blue").Objects,
            o => o.Name == "web-app" && o.Message == "pruned"
        );
    }

    [Fact]
    public async Task Prune_never_deletes_an_object_it_does_not_track()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        using var client = harness.Blue.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(
            new k8s.Models.V1ConfigMap { Metadata = new() { Name = "someone-elses" } },
            "web"
        );
        var state = harness.Workspace.Root / "helmfile" / "helmfile.yaml";
        File.WriteAllText(
            state,
            File.ReadAllText(state).Replace("condition: web.enabled", "installed: false")
        );

        // Act
        await harness.SyncAsync(new SyncOptions { Prune = true });

        // Assert
        Assert.Null(harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.NotNull(harness.Blue.GetObject("v1", "configmaps", "web", "someone-elses"));
    }

    [Fact]
    public async Task An_adopted_field_another_manager_applied_is_a_conflict_when_force_is_refused()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        using var client = harness.Blue.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(
            new k8s.Models.V1Namespace { Metadata = new() { Name = "web" } }
        );
        var theirs =
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web-app","namespace":"web"},"spec":{"type":"NodePort","ports":[{"name":"http","port":80}]}}""";
        await client.CoreV1.PatchNamespacedServiceAsync(
            new k8s.Models.V1Patch(theirs, k8s.Models.V1Patch.PatchType.ApplyPatch),
            "web-app",
            "web",
            fieldManager: "someone"
        );

        // Act
        var refused = await harness.SyncAsync(
            new SyncOptions { Adopt = true, ForceConflicts = false }
        );
        var forced = await harness.SyncAsync(new SyncOptions { Adopt = true });

        // Assert
        var conflict = SyncHarness
            .Of(refused, "test-1-34-blue")
            .Objects.Single(o => o.Kind == "Service" && o.Name == "web-app");
        Assert.Equal(Health.Degraded, conflict.Health);
        Assert.Contains("conflict", conflict.Message);
        Assert.Contains("--force-conflicts", conflict.Message);
        Assert.True(SyncHarness.Of(refused, "test-1-34-blue").Failed);
        Assert.False(SyncHarness.Of(forced, "test-1-34-blue").Failed);
    }

    [Fact]
    public async Task A_rollout_that_never_becomes_ready_is_degraded_at_the_timeout()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync(controllers: false);

        // Act
        var reports = await harness.SyncAsync(
            new SyncOptions { HealthTimeout = TimeSpan.FromMilliseconds(300) }
        );

        // Assert
        var web = SyncHarness
            .Of(reports, "test-1-34-blue")
            .Objects.Single(o => o.Kind == "Deployment");
        Assert.Equal(Health.Degraded, web.Health);
        Assert.Contains("not healthy after", web.Message);
        Assert.True(SyncHarness.Of(reports, "test-1-34-blue").Failed);
    }

    [Fact]
    public async Task One_unreachable_cluster_fails_alone_while_the_other_syncs()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await using var gone = await KubeApiTestServer.StartAsync();
        var kubeconfig = harness.Workspace.Root / "partial-kubeconfig";
        KubeApiTestServer.WriteKubeconfig(
            kubeconfig,
            new Dictionary<string, KubeApiTestServer>
            {
                ["test-1-34-blue"] = gone,
                ["test-1-35-green"] = harness.Green,
            }
        );
        await gone.DisposeAsync();

        // Act
        var reports = await harness.SyncAsync(kubeconfig: kubeconfig);

        // Assert
        Assert.Contains("test-1-34-blue", SyncHarness.Of(reports, "test-1-34-blue").Error);
        Assert.False(SyncHarness.Of(reports, "test-1-35-green").Failed);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_until_the_sync_succeeds()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        harness.Blue.InjectFault(FaultRule.Answer(429, method: "PATCH", times: 2));
        harness.Blue.InjectFault(FaultRule.Answer(503, method: "PATCH", times: 2));

        // Act
        var reports = await harness.SyncAsync();

        // Assert
        Assert.False(SyncHarness.Of(reports, "test-1-34-blue").Failed);
        Assert.True(
            harness.Blue.Requests.Count(r => r.Method == "PATCH")
                > SyncHarness.Of(reports, "test-1-34-blue").Objects.Count
        );
    }
}
