using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

/// <summary>A wave starts only when the previous one is applied and healthy, as in Argo CD.</summary>
public sealed class SyncWaveGateTests
{
    private static void AddGatedRelease(SyncHarness harness) =>
        SyncCharts.AddRelease(
            harness,
            "gated",
            "web",
            SyncHookCharts.Job("schema", wave: "-1"),
            SyncCharts.ConfigMap("after-schema")
        );

    [Fact]
    public async Task The_next_wave_waits_until_the_job_of_the_previous_wave_completed()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        AddGatedRelease(harness);

        // Act
        var sync = harness.SyncAsync();
        while (
            harness.Blue.GetObject("batch/v1", "jobs", "web", "schema") is null
            || harness.Green.GetObject("batch/v1", "jobs", "web", "schema") is null
        )
        {
            Assert.False(sync.IsCompleted, "the sync ended before the Job was applied");
            await Task.Delay(20);
        }
        await Task.Delay(300); // several health polls while the Job runs
        var beforeCompletion = harness.Blue.GetObject("v1", "configmaps", "web", "after-schema");
        await SyncHookCharts.FinishJobsAsync(harness.Blue);
        await SyncHookCharts.FinishJobsAsync(harness.Green);
        var reports = await sync;

        // Assert
        Assert.Null(beforeCompletion);
        Assert.All(
            reports,
            r => Assert.False(r.Failed, string.Join("\n", SyncReportWriter.Text(r)))
        );
        Assert.NotNull(harness.Blue.GetObject("v1", "configmaps", "web", "after-schema"));
    }

    [Fact]
    public async Task A_wave_that_fails_stops_the_later_waves_and_says_so()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        AddGatedRelease(harness);
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
        Assert.Equal(Health.Degraded, blue.Objects.Single(o => o.Name == "schema").Health);
        var later = blue.Objects.Single(o => o.Name == "after-schema");
        Assert.Equal(SyncStatus.Missing, later.Status);
        Assert.Contains("not applied: an earlier wave failed", later.Message);
        Assert.Null(harness.Blue.GetObject("v1", "configmaps", "web", "after-schema"));
    }
}
