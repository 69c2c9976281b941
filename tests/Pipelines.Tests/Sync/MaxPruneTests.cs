using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

/// <summary>Issue 13, item 4: --max-prune stops a mass deletion, such as a typo in a cluster's carries:.</summary>
public sealed class MaxPruneTests
{
    [Fact]
    public async Task A_typo_in_carries_prunes_nothing_and_fails_the_cluster_naming_max_prune()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.SetBlueCarries("tier=managment");

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Prune = true });

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.True(blue.Failed);
        Assert.Contains("--max-prune 50%", blue.Error);
        Assert.Contains("Deployment web/web-app", blue.Error);
        Assert.All(
            blue.Objects.Where(o => o.Status == SyncStatus.Extraneous),
            o => Assert.Equal("not pruned: more than --max-prune", o.Message)
        );
        Assert.NotNull(harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.NotNull(harness.Blue.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
        Assert.NotNull(
            harness.Blue.GetObject("apps/v1", "daemonsets", "monitoring", "metrics-agent")
        );
        Assert.False(SyncHarness.Of(reports, "test-1-35-green").Failed);
        Assert.Throws<SyncFailedException>(() => SyncFailedException.ThrowIfAny(reports));
    }

    [Fact]
    public async Task Raising_max_prune_lets_a_deliberate_mass_deletion_through()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.SetBlueCarries("app=none");

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { Prune = true, MaxPrune = 100 });

        // Assert
        Assert.False(SyncHarness.Of(reports, "test-1-34-blue").Failed);
        Assert.Null(harness.Blue.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
        Assert.Empty(SyncHarness.InventoryOf(harness.Blue));
    }

    [Theory]
    [InlineData(2, 4, 50, false)]
    [InlineData(3, 4, 50, true)]
    [InlineData(1, 1, 100, false)]
    [InlineData(1, 10, 0, true)]
    [InlineData(0, 10, 0, false)]
    public void The_guard_refuses_only_more_than_the_share(
        int candidates,
        int tracked,
        int maxPrune,
        bool refused
    )
    {
        // Act
        var refusal = PruneGuard.MassDeletion(
            Enumerable.Range(0, candidates).Select(i => $"ConfigMap web/c{i}").ToList(),
            tracked,
            maxPrune
        );

        // Assert
        Assert.Equal(refused, refusal is not null);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_max_prune_outside_0_to_100_is_a_usage_error(int value)
    {
        // Act
        var error = Assert.Throws<UsageException>(() => PruneGuard.MaxPrune(value));

        // Assert
        Assert.Contains($"--max-prune {value}", error.Message);
        Assert.Contains("0 to 100", error.Message);
    }

    [Fact]
    public void An_unknown_prune_kind_is_a_usage_error_naming_the_valid_ones()
    {
        // Act
        var error = Assert.Throws<UsageException>(() => PruneGuard.PruneKinds(["Namespaces"]));

        // Assert
        Assert.Contains("Did you mean 'Namespace'?", error.Message);
        Assert.Contains("PersistentVolumeClaim", error.Message);
        Assert.Equal(
            new HashSet<string> { "Namespace", "PersistentVolume" },
            PruneGuard.PruneKinds(["namespace,persistentvolume"])
        );
    }
}
