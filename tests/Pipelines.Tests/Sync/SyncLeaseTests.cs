using k8s;
using k8s.Models;
using Pipelines.Sync;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>One Sync at a time per cluster, through a real Lease on the blue and green test servers.</summary>
public sealed class SyncLeaseTests
{
    private const string LeasePath =
        "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/pipelines-sync-test";

    private static readonly LeaseHolder OtherRun = new(
        "runner-7",
        "4242 (dotnet)",
        "https://github.com/acme/k8s-config/actions/runs/99"
    );

    private static LeaseSettings Fast(LeaseHolder? holder = null, double timeoutSeconds = 10) =>
        new()
        {
            Holder = holder ?? new LeaseHolder("laptop", "1 (dotnet)", null),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            Duration = TimeSpan.FromSeconds(30),
            PollInterval = TimeSpan.FromMilliseconds(50),
        };

    private static Task<SyncLease> HoldAsync(IKubernetes client, LeaseSettings settings) =>
        SyncLease.AcquireAsync(client, "kube-system", "test", settings, CancellationToken.None);

    [Fact]
    public async Task A_second_sync_waits_for_the_lock_timeout_then_fails_that_cluster_naming_the_holder()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        using var client = harness.Blue.CreateClient();
        await using var held = await HoldAsync(client, Fast(OtherRun));
        harness.Blue.ClearRequests();

        // Act
        var reports = await harness.SyncAsync(
            new SyncOptions { Lease = Fast(timeoutSeconds: 0.5) }
        );

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.True(blue.Failed);
        Assert.Contains("runner-7", blue.Error);
        Assert.Contains("4242", blue.Error);
        Assert.Contains("https://github.com/acme/k8s-config/actions/runs/99", blue.Error);
        Assert.Contains("--lock-timeout", blue.Error);
        Assert.DoesNotContain(harness.Blue.Requests, r => r.Method == "PATCH");
        Assert.False(SyncHarness.Of(reports, "test-1-35-green").Failed);
    }

    [Fact]
    public async Task A_waiting_sync_proceeds_once_the_holder_releases_the_lease()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        using var client = harness.Blue.CreateClient();
        var held = await HoldAsync(client, Fast(OtherRun));

        // Act
        var sync = harness.SyncAsync(new SyncOptions { Lease = Fast() });
        while (harness.Blue.Requests.Count(r => r.Path == LeasePath && r.Method == "GET") < 3)
        {
            await Task.Delay(20);
        }
        var patchesWhileHeld = harness.Blue.Requests.Count(r => r.Method == "PATCH");
        await held.DisposeAsync();
        var reports = await sync;

        // Assert
        Assert.Equal(0, patchesWhileHeld);
        Assert.All(reports, r => Assert.False(r.Failed, r.Error));
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(
            "pipelines-sync-test",
            "kube-system"
        );
        Assert.Null(lease.Spec.HolderIdentity);
        Assert.Equal(2, lease.Spec.LeaseTransitions);
    }

    [Fact]
    public async Task A_lease_left_by_a_sync_that_died_is_taken_over_after_its_duration()
    {
        // Arrange: a holder that never renews nor releases
        await using var harness = await SyncHarness.StartAsync();
        using var client = harness.Blue.CreateClient();
        await client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = "pipelines-sync-test" },
                Spec = new V1LeaseSpec
                {
                    HolderIdentity = "crashed-runner/77/abc",
                    LeaseDurationSeconds = 1,
                    RenewTime = DateTime.UtcNow,
                },
            },
            "kube-system"
        );

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Lease = Fast() });

        // Assert
        Assert.All(reports, r => Assert.False(r.Failed, r.Error));
    }

    [Fact]
    public async Task Two_syncs_racing_for_a_free_lease_never_hold_it_together()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var holders = 0;
        var most = 0;

        // Act
        var runs = Enumerable
            .Range(0, 4)
            .Select(i =>
                Task.Run(async () =>
                {
                    await using var lease = await HoldAsync(
                        client,
                        Fast(new LeaseHolder($"runner-{i}", $"{i}", null))
                    );
                    var now = Interlocked.Increment(ref holders);
                    InterlockedMax(ref most, now);
                    await Task.Delay(100);
                    Interlocked.Decrement(ref holders);
                })
            );
        await Task.WhenAll(runs);

        // Assert
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task Check_and_dry_run_take_no_lease()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.Blue.ClearRequests();

        // Act
        await harness.SyncAsync(new SyncOptions { Check = true });
        await harness.SyncAsync(new SyncOptions { DryRun = true });

        // Assert
        Assert.DoesNotContain(
            harness.Blue.Requests,
            r => r.Path.StartsWith("/apis/coordination.k8s.io/", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void The_holder_names_the_github_actions_run_when_there_is_one()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/k8s-config",
            ["GITHUB_RUN_ID"] = "1234",
        };

        // Act
        var inCi = LeaseHolder.Current(environment.GetValueOrDefault);
        var local = LeaseHolder.Current(_ => null);

        // Assert
        Assert.Equal("https://github.com/acme/k8s-config/actions/runs/1234", inCi.RunUrl);
        Assert.Null(local.RunUrl);
        Assert.Equal(Environment.MachineName, local.Host);
        Assert.Contains(Environment.ProcessId.ToString(), local.Process);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value)
        {
            Interlocked.CompareExchange(ref target, value, seen);
        }
    }
}
