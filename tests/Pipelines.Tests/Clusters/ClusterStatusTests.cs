using Pipelines.Clusters;
using Pipelines.Clusters.Calendar;
using Pipelines.Clusters.Status;
using static Pipelines.Tests.Clusters.Fixtures;

namespace Pipelines.Tests.Clusters;

public class ClusterStatusTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static readonly EksCalendar Table = EksCalendar.Fallback("a test");

    private static EnvironmentStatus Status(DateOnly deadline)
    {
        var blue = Cluster("1.33", ClusterColor.Blue, "app!=web");
        var green = Cluster("1.34", ClusterColor.Green, "tier=management", "app=web") with
        {
            Provisioned = deadline.AddDays(-42),
            Deadline = deadline,
        };
        var environment = new ClusterEnvironment { Name = "stage", Clusters = [blue, green] };
        return ClusterStatusReport.Build(environment, Apps, Today, Table);
    }

    [Fact]
    public void Each_app_lists_the_clusters_it_runs_on_and_those_behind_a_passed_deadline_are_flagged()
    {
        // Arrange
        var passed = new DateOnly(2026, 10, 30);

        // Act
        var status = Status(passed);

        // Assert
        var apps = status.Apps.ToDictionary(a => a.App.Name);
        Assert.Equal(["stage-1-34-green", "stage-1-33-blue"], apps["log-forwarder"].RunsOn);
        Assert.Equal("on every cluster", apps["log-forwarder"].Status);
        Assert.Equal(["stage-1-34-green"], apps["web"].RunsOn);
        Assert.Equal("moved", apps["web"].Status);
        Assert.Equal(["stage-1-33-blue"], apps["api"].RunsOn);
        Assert.True(apps["api"].PastDeadline);
        Assert.Equal("PAST DEADLINE: not on stage-1-34-green, due 2026-10-30", apps["api"].Status);
        Assert.Equal([apps["api"]], status.PastDeadline);
    }

    [Fact]
    public void Before_the_deadline_an_app_still_on_the_old_cluster_is_told_the_days_left()
    {
        // Arrange
        var ahead = new DateOnly(2026, 11, 12);

        // Act
        var status = Status(ahead);

        // Assert
        var api = status.Apps.Single(a => a.App.Name == "api");
        Assert.False(api.PastDeadline);
        Assert.Equal("to move to stage-1-34-green by 2026-11-12 (10 days)", api.Status);
        Assert.Empty(status.PastDeadline);
    }

    [Fact]
    public void Clusters_show_version_role_state_standard_support_left_and_the_new_clusters_deadline()
    {
        // Arrange
        var deadline = new DateOnly(2026, 11, 12);

        // Act
        var lines = StatusWriter.Clusters(Status(deadline)).Text().ToList();

        // Assert
        Assert.Equal(4, lines.Count);
        Assert.Matches(
            @"^stage-1-33-blue\s+1\.33\s+blue\s+old\s+active\s+ended 96 days ago \(2026-07-29\); extended until 2027-07-29$",
            lines[2]
        );
        Assert.Matches(
            @"^stage-1-34-green\s+1\.34\s+green\s+new\s+active\s+30 days \(until 2026-12-02\)\s+2026-11-12 \(in 10 days\)$",
            lines[3]
        );
    }

    [Fact]
    public void A_parallel_run_shows_the_app_on_both_clusters()
    {
        // Arrange
        var blue = Cluster("1.33", ClusterColor.Blue);
        var green = Cluster("1.34", ClusterColor.Green, "tier=management", "app=web");
        var environment = new ClusterEnvironment { Name = "stage", Clusters = [blue, green] };

        // Act
        var status = ClusterStatusReport.Build(environment, Apps, Today, Table);

        // Assert
        var web = status.Apps.Single(a => a.App.Name == "web");
        Assert.Equal(["stage-1-34-green", "stage-1-33-blue"], web.RunsOn);
        Assert.Equal("moved; still on the old cluster too (parallel run)", web.Status);
    }

    [Fact]
    public async Task ClusterStatus_prints_the_tables_and_writes_them_and_the_lifecycle_chart_to_the_step_summary()
    {
        // Arrange: the sample clusters.yaml on the day it describes.
        using var workspace = new LifecycleWorkspace(new DateOnly(2026, 12, 5));
        var summary = workspace.Root / ".nuke" / "summary.md";
        workspace.Environment["GITHUB_ACTIONS"] = "true";
        workspace.Environment["GITHUB_STEP_SUMMARY"] = summary;

        // Act
        var result = await workspace.RunAsync("ClusterStatus", "--env", "prod");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Matches(
            @"prod-1-34-blue\s+1\.34\s+blue\s+old\s+active\s+ended 3 days ago \(2026-12-02\); extended until 2027-12-02",
            result.Output
        );
        Assert.Matches(
            @"prod-1-35-green\s+1\.35\s+green\s+new\s+active\s+112 days \(until 2027-03-27\)\s+2026-12-28 \(in 23 days\)",
            result.Output
        );
        Assert.Matches(
            @"web\s+app\s+prod-1-34-blue\s+to move to prod-1-35-green by 2026-12-28 \(23 days\)",
            result.Output
        );
        Assert.Contains("past deadline: 0", result.NoteOf("ClusterStatus"));
        var markdown = File.ReadAllText(summary);
        Assert.Contains("### Clusters of prod (2026-12-05)", markdown);
        Assert.Contains(
            "| Cluster | Version | Color | Role | State | EKS standard support | Migration deadline | Live version |",
            markdown
        );
        Assert.Contains(
            "| web | app | prod-1-34-blue | to move to prod-1-35-green by 2026-12-28 (23 days) |",
            markdown
        );
        Assert.Contains(
            "| log-forwarder | management | prod-1-35-green, prod-1-34-blue | on every cluster |",
            markdown
        );
        Assert.Contains(
            "EKS support dates: the built-in table pipelines/Pipelines/Clusters/Calendar/eks-versions.json (offline fallback: the AWS CLI (aws) is not on PATH).",
            markdown
        );
        Assert.Contains(
            "```mermaid\ngantt\n    title Clusters of prod (as of 2026-12-05)",
            markdown
        );
    }

    [Fact]
    public async Task ClusterStatus_refuses_an_unknown_environment_listing_the_known_ones()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);

        // Act
        var result = await workspace.RunAsync("ClusterStatus", "--env", "qa");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("test, stage, prod", result.AllOutput);
    }
}
