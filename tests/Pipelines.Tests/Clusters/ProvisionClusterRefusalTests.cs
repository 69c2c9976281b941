namespace Pipelines.Tests.Clusters;

/// <summary>Every bad input of ProvisionCluster: a clear error, exit 2, and nothing written anywhere.</summary>
public class ProvisionClusterRefusalTests
{
    [Fact]
    public async Task A_version_older_than_EKS_offers_is_refused_listing_the_known_versions_and_nothing_is_written()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "stage",
            "--kube-version",
            "1.20",
            "--dry-run"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--kube-version 1.20: not a Kubernetes version EKS supports according to the built-in table pipelines/Pipelines/Clusters/Calendar/eks-versions.json",
            result.AllOutput
        );
        Assert.Contains(
            "1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35 (newest 1.35",
            result.AllOutput
        );
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_third_live_cluster_is_refused_naming_the_two_and_the_one_to_retire()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync("ProvisionCluster", "--env", "stage");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "Environment 'stage' already has 2 live clusters (stage-1-34-blue active, stage-1-35-green active); it may hold at most 2",
            result.AllOutput
        );
        Assert.Contains("./build.sh RetireCluster --name stage-1-34-blue", result.AllOutput);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_name_already_in_clusters_yaml_is_refused_even_when_that_cluster_is_retired()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        workspace.EditClusters(
            "kubeContext: stage-1-34-blue\n        color: blue\n        state: active",
            "kubeContext: stage-1-34-blue\n        color: blue\n        state: retired"
        );
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "stage",
            "--kube-version",
            "1.34",
            "--name",
            "stage-1-34-blue",
            "--dry-run"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "Cluster name stage-1-34-blue is already in helmfile/clusters.yaml (environment stage, state retired); cluster names are never reused",
            result.AllOutput
        );
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_version_past_its_extended_support_is_refused_because_eks_no_longer_creates_it()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "stage",
            "--kube-version",
            "1.28",
            "--dry-run"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "EKS stopped creating 1.28 clusters when its extended support ended on 2025-11-26",
            result.AllOutput
        );
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task An_environment_helmfile_knows_but_clusters_yaml_lacks_is_refused_with_the_ones_it_has()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        var text = workspace.ClustersText;
        workspace.ClustersText = text[..text.IndexOf("  prod:\n", StringComparison.Ordinal)];
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync("ProvisionCluster", "--env", "prod", "--dry-run");

        // Assert
        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains(
            "--env prod: helmfile/clusters.yaml declares no such environment. Environments: test, stage.",
            result.AllOutput
        );
        Assert.Equal(before, workspace.Snapshot());
    }
}
