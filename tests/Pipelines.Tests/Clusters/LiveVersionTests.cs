using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// ClusterStatus asks each live cluster it has a kube context for what it runs (<c>/version</c> through
/// KubernetesClient, against the in-process API server) and flags one EKS upgraded behind clusters.yaml's back.
/// </summary>
public class LiveVersionTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public async Task A_cluster_whose_server_runs_another_version_than_clusters_yaml_is_flagged()
    {
        // Arrange: EKS auto-upgraded blue's control plane; green runs what clusters.yaml says.
        using var workspace = new LifecycleWorkspace(Today);
        await using var blue = await KubeApiTestServer.StartAsync();
        await using var green = await KubeApiTestServer.StartAsync();
        blue.ServerVersion = "v1.35.2-eks-3025e55";
        green.ServerVersion = "v1.35.2-eks-3025e55";
        workspace.WriteKubeconfig(
            new Dictionary<string, KubeApiTestServer>
            {
                ["stage-1-34-blue"] = blue,
                ["stage-1-35-green"] = green,
            }
        );

        // Act
        var result = await workspace.RunAsync(
            "ClusterStatus",
            "--env",
            "stage",
            "--kubeconfig",
            workspace.Kubeconfig
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Matches(
            @"stage-1-34-blue\s+1\.34\s+.*\s+v1\.35\.2-eks-3025e55 DIFFERS from clusters.yaml\n",
            result.Output
        );
        Assert.Matches(
            @"stage-1-35-green\s+1\.35\s+.*2026-12-07 \(in 2 days\)\s+v1\.35\.2-eks-3025e55\n",
            result.Output
        );
        Assert.Contains(
            "stage: stage-1-34-blue runs Kubernetes v1.35.2-eks-3025e55, but clusters.yaml declares 1.34. EKS upgrades a control plane on its own when extended support ends",
            result.AllOutput
        );
        Assert.Contains("version drift: 1", result.NoteOf("ClusterStatus"));
        Assert.Contains(blue.Requests, r => r.Method == "GET" && r.Path.TrimEnd('/') == "/version");
    }

    [Fact]
    public async Task A_context_whose_server_does_not_answer_is_reported_not_reachable_and_the_status_still_prints()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(Today);
        var gone = await KubeApiTestServer.StartAsync();
        workspace.WriteKubeconfig(
            new Dictionary<string, KubeApiTestServer> { ["prod-1-35-green"] = gone }
        );
        await gone.DisposeAsync();

        // Act
        var result = await workspace.RunAsync(
            "ClusterStatus",
            "--env",
            "prod",
            "--kubeconfig",
            workspace.Kubeconfig
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Matches(@"prod-1-35-green\s+1\.35\s+.*\s+not reachable \(", result.Output);
        Assert.Matches(
            @"prod-1-34-blue\s+1\.34\s+blue\s+old\s+active\s+ended 3 days ago \(2026-12-02\); extended until 2027-12-02\n",
            result.Output
        );
        Assert.Contains("version drift: 0", result.NoteOf("ClusterStatus"));
    }
}
