using System.Globalization;
using System.Text.RegularExpressions;
using Pipelines.Clusters;
using Pipelines.Clusters.Calendar;
using Pipelines.Clusters.Status;
using static Pipelines.Tests.Clusters.Fixtures;

namespace Pipelines.Tests.Clusters;

/// <summary>ClusterStatus's Mermaid gantt chart: one section per cluster, its dates, in gantt syntax.</summary>
public class LifecycleChartTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static EnvironmentStatus Stage()
    {
        var blue = Cluster("1.34", ClusterColor.Blue, "app!=web") with
        {
            Provisioned = new DateOnly(2025, 10, 20),
        };
        var green = Cluster("1.35", ClusterColor.Green, "tier=management", "app=web") with
        {
            Provisioned = new DateOnly(2026, 10, 26),
            Deadline = new DateOnly(2026, 12, 7),
        };
        var environment = new ClusterEnvironment { Name = "stage", Clusters = [blue, green] };
        return ClusterStatusReport.Build(environment, Apps, Today, EksCalendar.Fallback("a test"));
    }

    [Fact]
    public void Each_cluster_gets_a_section_with_provisioning_deadline_and_both_support_windows()
    {
        // Arrange
        var status = Stage();

        // Act
        var chart = LifecycleChart.Mermaid(status).ToList();

        // Assert
        Assert.Equal(
            [
                "gantt",
                "    title Clusters of stage (as of 2026-12-05)",
                "    dateFormat YYYY-MM-DD",
                "    axisFormat %Y-%m",
                "    section stage-1-34-blue (1.34, active)",
                "    Provisioned :milestone, c1p, 2025-10-20, 0d",
                "    Standard support :c1s, 2025-10-20, 2026-12-02",
                "    Extended support (extra cost) :crit, c1e, 2026-12-02, 2027-12-02",
                "    section stage-1-35-green (1.35, active)",
                "    Provisioned :milestone, c2p, 2026-10-26, 0d",
                "    Migration deadline :milestone, crit, c2d, 2026-12-07, 0d",
                "    Standard support :c2s, 2026-10-26, 2027-03-27",
                "    Extended support (extra cost) :crit, c2e, 2027-03-27, 2028-03-27",
            ],
            chart
        );
    }

    [Fact]
    public void The_chart_is_valid_gantt_syntax_with_unique_ids_and_bars_that_end_after_they_start()
    {
        // Arrange: a cluster provisioned in extended support, one with no dates at all, one the calendar lacks.
        var late = Cluster("1.33", ClusterColor.Blue) with
        {
            Provisioned = new DateOnly(2026, 9, 1),
        };
        var undated = Cluster("1.34", ClusterColor.Green);
        var unknown = Cluster("1.36", ClusterColor.Blue) with { Provisioned = Today };
        var environment = new ClusterEnvironment
        {
            Name = "stage",
            Clusters = [late, undated, unknown],
        };
        var status = ClusterStatusReport.Build(
            environment,
            Apps,
            Today,
            EksCalendar.Fallback("a test")
        );

        // Act
        var chart = LifecycleChart.Mermaid(status).ToList();

        // Assert
        var task = new Regex(
            @"^    (?<name>[^:#;]+) :(?<tags>(?:(?:milestone|crit|done|active), )*)(?<id>c\d+[psde]), (?<start>\d{4}-\d{2}-\d{2}), (?<end>\d{4}-\d{2}-\d{2}|0d)$"
        );
        var ids = new List<string>();
        Assert.Equal("gantt", chart[0]);
        foreach (var line in chart.Skip(4))
        {
            if (line.StartsWith("    section ", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(':', line);
                continue;
            }
            var match = task.Match(line);
            Assert.True(match.Success, line);
            ids.Add(match.Groups["id"].Value);
            if (match.Groups["end"].Value != "0d")
            {
                Assert.True(
                    Day(match.Groups["start"].Value) < Day(match.Groups["end"].Value),
                    line
                );
            }
        }
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal(3, chart.Count(l => l.StartsWith("    section ", StringComparison.Ordinal)));
        Assert.Contains(
            "    Extended support (extra cost) :crit, c1e, 2026-09-01, 2027-07-29",
            chart
        );
        Assert.DoesNotContain(chart, l => l.Contains("c1s", StringComparison.Ordinal));
        Assert.Contains("    Standard support :c2s, 2025-10-02, 2026-12-02", chart);
        Assert.Equal(
            [
                "    section stage-1-36-blue (1.36, active)",
                "    Provisioned :milestone, c3p, 2026-12-05, 0d",
            ],
            chart[^2..]
        );
    }

    [Fact]
    public async Task ClusterStatus_writes_every_environments_chart_to_a_file_under_nuke_temp()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);

        // Act
        var result = await workspace.RunAsync("ClusterStatus");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "Lifecycle chart (Mermaid gantt): .nuke/temp/cluster-lifecycle.md",
            result.Output
        );
        var file = File.ReadAllText(workspace.Root / ".nuke" / "temp" / "cluster-lifecycle.md");
        foreach (var environment in new[] { "test", "stage", "prod" })
        {
            Assert.Contains(
                $"## Cluster lifecycle of {environment}\n\n```mermaid\ngantt\n    title Clusters of {environment} (as of 2026-12-05)",
                file
            );
        }
        Assert.Contains(
            "    section prod-1-35-green (1.35, active)\n    Provisioned :milestone, c2p, 2026-11-16, 0d\n    Migration deadline :milestone, crit, c2d, 2026-12-28, 0d",
            file
        );
        Assert.Contains("    section test-1-34-blue (1.34, draining)", file);
    }

    private static DateOnly Day(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
