using Pipelines.Failures;
using Pipelines.Sync;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>helm hooks run as Argo CD runs them, against the blue and green test servers.</summary>
public sealed class SyncHookTests
{
    private const string Inventory =
        "/api/v1/namespaces/kube-system/configmaps/pipelines-inventory-test";
    private const string Migrate = "/apis/batch/v1/namespaces/web/jobs/migrate";
    private const string Settings = "/api/v1/namespaces/web/configmaps/hooked-settings";
    private const string Notify = "/api/v1/namespaces/web/configmaps/notify";

    private static void AddHookedRelease(SyncHarness harness) =>
        SyncCharts.AddRelease(
            harness,
            "hooked",
            "web",
            SyncHookCharts.Job("migrate", "pre-install,pre-upgrade", "hook-succeeded"),
            SyncCharts.ConfigMap("hooked-settings"),
            SyncHookCharts.ConfigMapHook("notify", "post-install,post-upgrade"),
            SyncHookCharts.ConfigMapHook("cleanup", "pre-delete")
        );

    private static List<KubeRequest> Writes(KubeApiTestServer server) =>
        server.Requests.Where(r => r.Method is "PATCH" or "DELETE").ToList();

    [Fact]
    public async Task Pre_install_hooks_run_first_and_post_install_hooks_after_the_chart_is_applied()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        AddHookedRelease(harness);
        using var jobs = new CancellationTokenSource();
        var controller = Task.Run(() => SyncHookCharts.RunJobsAsync(harness, jobs.Token));

        // Act
        var reports = await harness.SyncAsync();
        await jobs.CancelAsync();
        await controller;

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.False(blue.Failed, string.Join("\n", SyncReportWriter.Text(blue)));
        var patches = harness
            .Blue.Requests.Where(r => r.Method == "PATCH")
            .Select(r => r.Path)
            .ToList();
        Assert.True(
            patches.IndexOf(Migrate) < patches.IndexOf(Settings),
            string.Join("\n", patches)
        );
        Assert.True(
            patches.IndexOf(Settings) < patches.IndexOf(Notify),
            string.Join("\n", patches)
        );
        // The PostSync hook is the last object applied; the inventory is created (POST) after it.
        Assert.Equal(Notify, patches[^1]);
        var writes = harness
            .Blue.Requests.Where(r => r.Method is "PATCH" or "POST")
            .Select(r => r.Path)
            .ToList();
        Assert.True(
            writes.IndexOf(Notify) < writes.LastIndexOf(Inventory[..Inventory.LastIndexOf('/')]),
            string.Join("\n", writes)
        );
        Assert.Contains(
            "deleted (hook-succeeded)",
            blue.Objects.Single(o => o.Name == "migrate").Message
        );
        Assert.Null(harness.Blue.GetObject("batch/v1", "jobs", "web", "migrate"));
        Assert.NotNull(harness.Blue.GetObject("v1", "configmaps", "web", "notify"));
    }

    [Fact]
    public async Task Hooks_never_enter_the_inventory_and_hooks_of_other_events_are_skipped()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        AddHookedRelease(harness);
        using var jobs = new CancellationTokenSource();
        var controller = Task.Run(() => SyncHookCharts.RunJobsAsync(harness, jobs.Token));

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Prune = true });
        await jobs.CancelAsync();
        await controller;

        // Assert
        var inventory = harness.Blue.GetObject(
            "v1",
            "configmaps",
            "kube-system",
            "pipelines-inventory-test"
        )!["data"]!["objects"]!.GetValue<string>();
        Assert.Contains("/web/hooked-settings", inventory);
        Assert.DoesNotContain("migrate", inventory);
        Assert.DoesNotContain("notify", inventory);
        Assert.Null(harness.Blue.GetObject("v1", "configmaps", "web", "cleanup"));
        Assert.DoesNotContain(
            SyncHarness.Of(reports, "test-1-34-blue").Objects,
            o => o.Name == "cleanup"
        );
    }

    [Fact]
    public async Task Hooks_do_not_run_when_nothing_changed_and_check_does_not_count_them_as_drift()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        AddHookedRelease(harness);
        using var jobs = new CancellationTokenSource();
        var controller = Task.Run(() => SyncHookCharts.RunJobsAsync(harness, jobs.Token));
        await harness.SyncAsync();
        harness.Blue.ClearRequests();

        // Act
        var again = await harness.SyncAsync();
        var check = await harness.SyncAsync(new SyncOptions { Check = true });
        await jobs.CancelAsync();
        await controller;

        // Assert
        Assert.DoesNotContain(harness.Blue.Requests, r => r.Path is Migrate or Notify);
        Assert.False(SyncHarness.Of(again, "test-1-34-blue").Failed);
        Assert.All(check, r => Assert.True(r.InSync, string.Join("\n", SyncReportWriter.Text(r))));
    }

    [Fact]
    public async Task Before_hook_creation_deletes_the_previous_run_before_the_hook_runs_again()
    {
        // Arrange: notify has no delete policy, so helm's default, before-hook-creation, holds
        await using var harness = await SyncHarness.StartAsync();
        AddHookedRelease(harness);
        using var jobs = new CancellationTokenSource();
        var controller = Task.Run(() => SyncHookCharts.RunJobsAsync(harness, jobs.Token));
        await harness.SyncAsync();
        var firstUid = harness.Blue.GetObject("v1", "configmaps", "web", "notify")!["metadata"]![
            "uid"
        ]!.GetValue<string>();
        var (notifyFile, notifyYaml) = SyncHookCharts.ConfigMapHook(
            "notify",
            "post-install,post-upgrade",
            data: "changed"
        );
        harness.Workspace.Write($"charts/hooked/templates/{notifyFile}", notifyYaml);
        harness.Workspace.Write(
            "charts/hooked/templates/hooked-settings.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hooked-settings\n  namespace: web\ndata:\n  key: changed\n"
        );
        harness.Blue.ClearRequests();

        // Act
        var reports = await harness.SyncAsync();
        await jobs.CancelAsync();
        await controller;

        // Assert
        Assert.False(SyncHarness.Of(reports, "test-1-34-blue").Failed);
        var writes = Writes(harness.Blue).Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.True(
            writes.IndexOf($"DELETE {Notify}") < writes.IndexOf($"PATCH {Notify}"),
            string.Join("\n", writes)
        );
        var notify = harness.Blue.GetObject("v1", "configmaps", "web", "notify")!;
        Assert.NotEqual(firstUid, notify["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal("changed", notify["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_hook_that_fails_fails_the_cluster_and_the_chart_is_not_applied()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        SyncCharts.AddRelease(
            harness,
            "hooked",
            "web",
            SyncHookCharts.Job("migrate", "pre-upgrade,pre-install", "hook-failed"),
            SyncCharts.ConfigMap("hooked-settings")
        );
        using var jobs = new CancellationTokenSource();
        var controller = Task.Run(() =>
            SyncHookCharts.RunJobsAsync(harness, jobs.Token, failed: true)
        );

        // Act
        var reports = await harness.SyncAsync();
        await jobs.CancelAsync();
        await controller;

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.True(blue.Failed);
        var migrate = blue.Objects.Single(o => o.Name == "migrate");
        Assert.Equal(Health.Degraded, migrate.Health);
        Assert.Contains("BackoffLimitExceeded", migrate.Message);
        Assert.Contains("deleted (hook-failed)", migrate.Message);
        Assert.Null(harness.Blue.GetObject("v1", "configmaps", "web", "hooked-settings"));
        Assert.Contains(
            "not applied",
            blue.Objects.Single(o => o.Name == "hooked-settings").Message
        );
    }

    [Fact]
    public async Task An_unknown_delete_policy_fails_before_anything_is_applied()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        SyncCharts.AddRelease(
            harness,
            "hooked",
            "web",
            SyncHookCharts.ConfigMapHook("notify", "post-install", deletePolicy: "hook-succeded")
        );

        // Act
        var error = await Assert.ThrowsAsync<Pipelines.Failures.UsageException>(() =>
            harness.SyncAsync()
        );

        // Assert
        Assert.Contains("hook-succeded", error.Message);
        Assert.Contains("hook-succeeded", error.Message);
        Assert.DoesNotContain(harness.Blue.Requests, r => r.Method == "PATCH");
    }
}
