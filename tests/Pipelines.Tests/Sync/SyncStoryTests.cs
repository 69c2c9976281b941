using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

/// <summary>The talk's story, against two API servers and the real KubernetesClient.</summary>
public sealed class SyncStoryTests
{
    [Fact]
    public async Task A_change_made_by_hand_is_reported_out_of_sync_then_put_back()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();

        // Act
        var first = await harness.SyncAsync();
        harness.Blue.PatchAs(
            "kubectl-client-side-apply",
            "apps/v1",
            "deployments",
            "web",
            "web-app",
            """{"spec":{"replicas":5}}"""
        );
        var check = await harness.SyncAsync(new SyncOptions { Check = true });
        var repair = await harness.SyncAsync();
        var after = await harness.SyncAsync(new SyncOptions { Check = true });

        // Assert
        Assert.All(first, r => Assert.False(r.Failed, r.Error));
        Assert.All(
            SyncHarness.Of(first, "test-1-34-blue").Objects,
            o => Assert.Equal(Health.Healthy, o.Health)
        );
        var drift = SyncHarness
            .Of(check, "test-1-34-blue")
            .Objects.Single(o => o.Status == SyncStatus.OutOfSync);
        Assert.Equal(("Deployment", "web-app"), (drift.Kind, drift.Name));
        Assert.Contains(".spec.replicas", drift.ChangedPaths);
        Assert.Contains("-  replicas: 5", drift.Diff);
        Assert.True(SyncHarness.Of(check, "test-1-35-green").InSync);
        Assert.Contains(
            SyncHarness.Of(repair, "test-1-34-blue").Objects,
            o => o.Name == "web-app" && o.Message.Contains("applied")
        );
        Assert.All(after, r => Assert.True(r.InSync));
        Assert.Equal(
            1,
            harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app")!["spec"]![
                "replicas"
            ]!.GetValue<int>()
        );
    }

    [Fact]
    public async Task Every_applied_object_carries_the_tracking_annotation_and_cluster_label()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();

        // Act
        await harness.SyncAsync();

        // Assert
        var service = harness.Green.GetObject("v1", "services", "web", "web-app")!;
        Assert.Equal(
            "test/test-1-35-green/web",
            service["metadata"]!["annotations"]![Tracking.Annotation]!.GetValue<string>()
        );
        Assert.Equal(
            "test-1-35-green",
            service["metadata"]!["labels"]![Tracking.ClusterLabel]!.GetValue<string>()
        );
        var managers = service["metadata"]!["managedFields"]!
            .AsArray()
            .Select(m => m!["manager"]!.GetValue<string>());
        Assert.Contains("pipelines", managers);
    }

    [Fact]
    public async Task A_dry_run_sends_everything_with_dry_run_and_changes_nothing()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { DryRun = true });

        // Assert
        Assert.Null(harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.All(
            SyncHarness.Of(reports, "test-1-34-blue").Objects,
            o => Assert.Contains("would apply", o.Message)
        );
        Assert.All(
            harness.Blue.Requests.Where(r => r.Method == "PATCH"),
            r => Assert.Contains("dryRun=All", r.Query)
        );
    }

    [Fact]
    public async Task A_dry_run_with_no_reachable_cluster_shows_the_plan_against_an_unknown_live_state()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();

        // Act
        var reports = await harness.SyncAsync(
            new SyncOptions { DryRun = true },
            kubeconfig: harness.Workspace.Root / "no-kubeconfig"
        );

        // Assert
        Assert.All(reports, r => Assert.NotNull(r.Unreachable));
        Assert.All(reports, r => Assert.False(r.Failed));
        Assert.All(
            reports.SelectMany(r => r.Objects),
            o => Assert.Equal(SyncStatus.Unknown, o.Status)
        );
    }
}
