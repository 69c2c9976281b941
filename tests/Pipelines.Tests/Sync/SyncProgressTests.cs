using Pipelines.Engine;
using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

/// <summary>While Sync waits for rollouts it says so, per cluster, through the build's host.</summary>
public sealed class SyncProgressTests
{
    [Fact]
    public async Task Waiting_for_a_rollout_prints_a_plain_line_per_cluster_naming_the_slowest_object()
    {
        // Arrange: no controllers, so web-app never rolls out and the wait lasts the timeout
        await using var harness = await SyncHarness.StartAsync(controllers: false);
        var output = new StringWriter();
        Log.Host = ConsoleHost.Create(
            output,
            new StringWriter(),
            new SecretRegistry(),
            _ => null,
            isTerminal: false
        );

        // Act
        await harness.SyncAsync(new SyncOptions { HealthTimeout = TimeSpan.FromSeconds(1) });

        // Assert
        var lines = output.ToString().Split('\n');
        foreach (var cluster in new[] { "test-1-34-blue", "test-1-35-green" })
        {
            var line = Assert.Single(
                lines,
                l => l.StartsWith($"{cluster}: ", StringComparison.Ordinal)
            );
            Assert.Matches(
                @"^\S+: \d+ applied, \d+ healthy, \d+ waiting; slowest: \w+ \S+/\S+ \(.+, \d+s\)$",
                line
            );
            Assert.False(line.Contains('\u001b'), line.Replace("\u001b", "ESC"));
        }
    }
}
