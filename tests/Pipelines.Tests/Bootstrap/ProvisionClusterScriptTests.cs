namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// End to end through ./build.sh on a copy of the repository: ProvisionCluster's dry run is how the lifecycle is
/// exercised without AWS; it runs neither eksctl nor aws (this machine has no eksctl at all).
/// </summary>
public sealed class ProvisionClusterScriptTests(RenderHelmfileScriptFixture fixture)
    : IClassFixture<RenderHelmfileScriptFixture>
{
    private string ClustersFile => Path.Combine(fixture.Copy.Path, "helmfile", "clusters.yaml");

    [Fact]
    public async Task The_dry_run_refuses_a_third_stage_cluster_then_plans_a_1_35_one_once_there_is_room()
    {
        // Arrange
        var original = await File.ReadAllTextAsync(ClustersFile);
        var retired = original.Replace(
            "kubeContext: stage-1-34-blue\n        color: blue\n        state: active",
            "kubeContext: stage-1-34-blue\n        color: blue\n        state: retired",
            StringComparison.Ordinal
        );
        Assert.NotEqual(original, retired);

        // Act
        var full = await fixture.RunAsync("ProvisionCluster", "--env", "stage", "--dry-run");
        ProcessResult planned;
        try
        {
            await File.WriteAllTextAsync(ClustersFile, retired);
            planned = await fixture.RunAsync(
                "ProvisionCluster",
                "--env",
                "stage",
                "--kube-version",
                "1.35",
                "--dry-run"
            );
        }
        finally
        {
            await File.WriteAllTextAsync(ClustersFile, original);
        }

        // Assert
        Assert.True(full.ExitCode == 2, full.Describe());
        Assert.Contains("Environment 'stage' already has 2 live clusters", full.StandardError);
        Assert.True(planned.ExitCode == 0, planned.Describe());
        Assert.Contains("kind: ClusterConfig", planned.StandardOutput);
        Assert.Contains(
            "eksctl create cluster -f clusters/stage-1-35-blue.eksctl.yaml",
            planned.StandardOutput
        );
        Assert.Contains("+      - name: stage-1-35-blue", planned.StandardOutput);
        Assert.Contains(
            "ok  Kubernetes 1.35: EKS standard support until 2027-03-27",
            planned.StandardOutput
        );
        Assert.Contains(
            "ok  removed APIs at Kubernetes 1.35: none in 3 release(s)",
            planned.StandardOutput
        );
        Assert.False(Directory.Exists(Path.Combine(fixture.Copy.Path, "clusters")));
        Assert.DoesNotContain("> eksctl", planned.StandardOutput);
        Assert.Contains(
            "Dry run: nothing was written, created or applied.",
            planned.StandardOutput
        );
    }
}
