using Pipelines.Clusters.Calendar;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// Where the lifecycle targets get the EKS calendar, with a stand-in <c>aws</c> on the build's PATH: live, then the
/// cache, and the built-in table when the AWS CLI is missing, fails or prints something else; always saying which.
/// </summary>
public class EksCalendarSourceTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static readonly string[] DescribeCall =
    [
        "eks",
        "describe-cluster-versions",
        "--output",
        "json",
        "--region",
        "ap-northeast-1",
    ];

    [Fact]
    public async Task With_the_AWS_CLI_the_calendar_is_read_live_then_from_the_cache_written_with_its_date()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        FakeTool.Write(workspace.Bin, "aws", stdout: EksCalendarTests.AwsOutput);
        var cache = workspace.Root / ".nuke" / "temp" / EksCalendarLoader.CacheFileName;

        // Act
        var first = await workspace.RunAsync("ClusterStatus", "--env", "stage");
        var second = await workspace.RunAsync("ClusterStatus", "--env", "stage");

        // Assert
        Assert.True(first.ExitCode == 0, first.AllOutput);
        Assert.Contains(
            $"EKS calendar: live from 'aws eks describe-cluster-versions' on 2026-12-05 (cached in {cache})",
            first.Output
        );
        Assert.True(second.ExitCode == 0, second.AllOutput);
        Assert.Contains(
            $"EKS calendar: 'aws eks describe-cluster-versions' as read on 2026-12-05, cached in {cache}",
            second.Output
        );
        Assert.Equal([DescribeCall], FakeTool.Calls(workspace.Bin, "aws"));
        Assert.StartsWith(
            "{\n  \"source\": \"aws eks describe-cluster-versions\",\n  \"fetched\": \"2026-12-05\"",
            File.ReadAllText(cache)
        );
    }

    [Fact]
    public async Task A_cache_of_another_day_is_read_again_from_the_AWS_CLI()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        FakeTool.Write(workspace.Bin, "aws", stdout: EksCalendarTests.AwsOutput);
        workspace.Write(
            $".nuke/temp/{EksCalendarLoader.CacheFileName}",
            EksCalendarJson.WriteCache(
                Today.AddDays(-1),
                EksCalendarJson.ParseAwsOutput(EksCalendarTests.AwsOutput)
            )
        );

        // Act
        var result = await workspace.RunAsync("ClusterStatus", "--env", "stage");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "EKS calendar: live from 'aws eks describe-cluster-versions' on 2026-12-05",
            result.Output
        );
        Assert.Single(FakeTool.Calls(workspace.Bin, "aws"));
    }

    [Fact]
    public async Task When_the_AWS_CLI_fails_the_table_is_used_with_a_warning_that_names_it_and_the_failure()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        FakeTool.Write(
            workspace.Bin,
            "aws",
            exitCode: 253,
            stderr: "Unable to locate credentials. You can configure credentials by running \"aws configure\"."
        );

        // Act
        var result = await workspace.RunAsync("ClusterStatus", "--env", "stage");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "Could not read the EKS calendar live, so support dates come from the built-in table "
                + "pipelines/Pipelines/Clusters/Calendar/eks-versions.json (offline fallback: ",
            result.AllOutput
        );
        Assert.Contains("exited with code 253: Unable to locate credentials.", result.AllOutput);
        Assert.Contains(
            "EKS support dates: the built-in table pipelines/Pipelines/Clusters/Calendar/eks-versions.json",
            result.Output
        );
        Assert.False(
            File.Exists(workspace.Root / ".nuke" / "temp" / EksCalendarLoader.CacheFileName)
        );
    }

    [Fact]
    public async Task Output_that_is_not_the_calendar_falls_back_to_the_table_with_a_warning_saying_what_was_wrong()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        FakeTool.Write(workspace.Bin, "aws", stdout: "{\"clusterVersions\": \"none\"}");

        // Act
        var result = await workspace.RunAsync("ClusterStatus", "--env", "stage");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "printed output this build cannot read: it has no 'clusterVersions' array.",
            result.AllOutput
        );
        Assert.Contains(
            "EKS calendar: the built-in table pipelines/Pipelines/Clusters/Calendar/eks-versions.json",
            result.Output
        );
    }

    [Fact]
    public async Task A_garbled_cache_is_ignored_with_a_warning_and_read_again()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        FakeTool.Write(workspace.Bin, "aws", stdout: EksCalendarTests.AwsOutput);
        workspace.Write(
            $".nuke/temp/{EksCalendarLoader.CacheFileName}",
            "{\"fetched\": \"2026-12-05\""
        );

        // Act
        var result = await workspace.RunAsync("ClusterStatus", "--env", "stage");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("Ignoring the EKS calendar cache", result.AllOutput);
        Assert.Contains("it is not JSON", result.AllOutput);
        Assert.Contains("EKS calendar: live from", result.Output);
    }

    [Fact]
    public async Task Without_the_AWS_CLI_the_table_is_used_and_named()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);

        // Act
        var result = await workspace.RunAsync("ClusterStatus", "--env", "stage");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "EKS calendar: the built-in table pipelines/Pipelines/Clusters/Calendar/eks-versions.json (offline fallback: the AWS CLI (aws) is not on PATH).",
            result.Output
        );
        Assert.DoesNotContain("warning", result.AllOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Offline_ProvisionCluster_of_a_version_newer_than_the_table_proceeds_with_a_warning()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        workspace.Retire(OldestOf(workspace, "stage"));
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "stage",
            "--kube-version",
            "1.37",
            "--dry-run"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "--kube-version 1.37: Kubernetes 1.37 is newer than the newest version in pipelines/Pipelines/Clusters/Calendar/eks-versions.json (1.35)",
            result.AllOutput
        );
        Assert.Contains(
            "ok  Kubernetes 1.37: support dates unknown, not in the built-in table pipelines/Pipelines/Clusters/Calendar/eks-versions.json",
            result.Output
        );
        Assert.Contains("  version: \"1.37\"", result.Output);
        Assert.Contains(
            "The removed-API table knows removals through Kubernetes 1.36; whatever 1.37 stops serving is not checked.",
            result.AllOutput
        );
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task With_a_live_calendar_ProvisionCluster_refuses_a_version_EKS_does_not_offer_naming_the_source()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        FakeTool.Write(workspace.Bin, "aws", stdout: EksCalendarTests.AwsOutput);
        workspace.Retire(OldestOf(workspace, "stage"));

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "stage",
            "--kube-version",
            "1.37",
            "--dry-run"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--kube-version 1.37: not a Kubernetes version EKS supports according to live from 'aws eks describe-cluster-versions' on 2026-12-05",
            result.AllOutput
        );
    }

    /// <summary>The live cluster of the environment at the lowest version, as clusters.yaml declares it.</summary>
    internal static string OldestOf(LifecycleWorkspace workspace, string environment) =>
        Pipelines
            .Clusters.ClustersFile.LoadEnvironments(workspace.ClustersFile, workspace.Root)
            .Single(e => e.Name == environment)
            .Live.OrderBy(c =>
                Pipelines.Helmfile.Manifests.KubernetesVersion.Parse(c.KubernetesVersion)
            )
            .First()
            .Name;
}
