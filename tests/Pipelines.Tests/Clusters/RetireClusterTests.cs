using k8s;
using k8s.Models;
using Pipelines.Tests.Kubernetes;

namespace Pipelines.Tests.Clusters;

/// <summary>RetireCluster against a test API server standing in for prod's blue cluster, with a fake eksctl on PATH.</summary>
public class RetireClusterTests
{
    [Fact]
    public async Task RetireCluster_refuses_while_web_runs_only_on_blue_then_marks_drains_and_deletes_it()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        await workspace.LinkSharedHelmAsync();
        FakeTool.Write(workspace.Bin, "eksctl");
        await using var blue = await KubeApiTestServer.StartAsync();
        await using var green = await KubeApiTestServer.StartAsync();
        await using var controller = new RolloutController(blue, green);
        workspace.WriteKubeconfig(
            new Dictionary<string, KubeApiTestServer>
            {
                ["prod-1-34-blue"] = blue,
                ["prod-1-35-green"] = green,
            }
        );
        var kubeconfig = workspace.Kubeconfig.Value;
        var sync = await workspace.RunAsync(
            "Sync",
            "--env",
            "prod",
            "--kubeconfig",
            kubeconfig,
            "--timeout",
            "60"
        );
        using (var client = blue.CreateClient())
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "someone-else" } },
                "default"
            );
        }

        // Act
        var refused = await workspace.RunAsync(
            "RetireCluster",
            "--name",
            "prod-1-34-blue",
            "--kubeconfig",
            kubeconfig
        );
        workspace.EditClusters(
            "        carries:\n          - tier=management\n",
            "        carries:\n          - tier=management\n          - app=web\n"
        );
        var before = workspace.Snapshot();
        var dryRun = await workspace.RunAsync(
            "RetireCluster",
            "--name",
            "prod-1-34-blue",
            "--kubeconfig",
            kubeconfig,
            "--dry-run"
        );
        var afterDryRun = workspace.Snapshot();
        var webAfterDryRun = blue.GetObject("apps/v1", "deployments", "web", "web-app");
        var retired = await workspace.RunAsync(
            "RetireCluster",
            "--name",
            "prod-1-34-blue",
            "--kubeconfig",
            kubeconfig
        );

        // Assert
        Assert.True(sync.ExitCode == 0, sync.AllOutput);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(
            "prod-1-34-blue still runs 1 app(s) no other live cluster of prod carries: web.",
            refused.AllOutput
        );
        Assert.True(dryRun.ExitCode == 0, dryRun.AllOutput);
        Assert.Contains("-        state: active\n+        state: retired", dryRun.Output);
        Assert.Contains(
            "3. eksctl delete cluster --name prod-1-34-blue --region ap-northeast-1",
            dryRun.Output
        );
        Assert.Equal(before, afterDryRun);
        Assert.NotNull(webAfterDryRun);
        Assert.True(retired.ExitCode == 0, retired.AllOutput);
        Assert.Equal(
            [
                ["delete", "cluster", "--name", "prod-1-34-blue", "--region", "ap-northeast-1"],
            ],
            FakeTool.Calls(workspace.Bin, "eksctl")
        );
        Assert.Contains(
            "      - name: prod-1-34-blue\n        kubernetesVersion: \"1.34\"\n        kubeContext: prod-1-34-blue\n        color: blue\n        state: retired\n",
            workspace.ClustersText
        );
        Assert.StartsWith("# The clusters of each environment", workspace.ClustersText);
        Assert.Null(blue.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.Null(blue.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
        Assert.NotNull(blue.GetObject("v1", "configmaps", "default", "someone-else"));
        Assert.NotNull(green.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
    }
}
