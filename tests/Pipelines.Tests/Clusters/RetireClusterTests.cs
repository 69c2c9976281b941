using k8s;
using k8s.Models;
using Pipelines.Tests.GitHub;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.GitHub;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// RetireCluster against a test API server standing in for prod's blue cluster, with fake eksctl and aws on PATH,
/// the workspace as a real git checkout of its config repo, and pull requests going to the GitHub API test server.
/// </summary>
public class RetireClusterTests
{
    /// <summary>The branch PublishChanges pushes prod's lifecycle pull request from.</summary>
    private const string ProdBranch = "lifecycle/prod";

    /// <summary>eksctl fails unless the retirement's pull request branch is already in the config repo.</summary>
    internal static string PublishedFirst(LifecycleWorkspace workspace) =>
        $"git --git-dir '{workspace.Root / ".git"}' rev-parse --verify --quiet refs/heads/{ProdBranch} >/dev/null";

    internal static async Task<GitHubApiTestServer> GitHubAsync()
    {
        var server = await GitHubApiTestServer.StartAsync();
        server.AddRepository("sre", "config");
        server.AddBranch("sre", "config", ProdBranch);
        return server;
    }

    internal static string[] PublishArgs(
        LifecycleWorkspace workspace,
        GitHubApiTestServer server
    ) =>
        [
            "--config-repo",
            workspace.Root,
            "--github-repository",
            "sre/config",
            "--github-api-url",
            server.ApiUri.ToString(),
            "--github-token",
            server.Token,
        ];

    [Fact]
    public async Task RetireCluster_refuses_while_web_runs_only_on_blue_then_drains_marks_publishes_and_deletes_it()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        await workspace.LinkSharedHelmAsync();
        FakeTool.Write(workspace.Bin, "eksctl", precondition: PublishedFirst(workspace));
        FakeTool.Write(workspace.Bin, "aws");
        await using var github = await GitHubAsync();
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
            "--env",
            "prod",
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
            "--env",
            "prod",
            "--name",
            "prod-1-34-blue",
            "--kubeconfig",
            kubeconfig,
            "--dry-run"
        );
        var afterDryRun = workspace.Snapshot();
        var webAfterDryRun = blue.GetObject("apps/v1", "deployments", "web", "web-app");
        await workspace.InitGitAsync();
        var retired = await workspace.RunAsync([
            "RetireCluster",
            "--env",
            "prod",
            "--name",
            "prod-1-34-blue",
            "--kubeconfig",
            kubeconfig,
            .. PublishArgs(workspace, github),
        ]);

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
            "5. eksctl delete cluster --name prod-1-34-blue --region ap-northeast-1",
            dryRun.Output
        );
        Assert.Equal(before, afterDryRun);
        Assert.NotNull(webAfterDryRun);
        Assert.True(retired.ExitCode == 0, retired.AllOutput);
        // The kube context first, so the drain reaches the cluster on a fresh runner.
        Assert.Equal(
            [
                [
                    "eks",
                    "update-kubeconfig",
                    "--name",
                    "prod-1-34-blue",
                    "--region",
                    "ap-northeast-1",
                    "--alias",
                    "prod-1-34-blue",
                    "--kubeconfig",
                    kubeconfig,
                ],
            ],
            FakeTool.Calls(workspace.Bin, "aws")
        );
        // eksctl ran once, and its precondition held: the pull request's branch was pushed before the delete.
        Assert.Equal(
            [
                ["delete", "cluster", "--name", "prod-1-34-blue", "--region", "ap-northeast-1"],
            ],
            FakeTool.Calls(workspace.Bin, "eksctl")
        );
        var pr = Assert.Single(github.PullRequests("sre", "config"));
        Assert.Equal((ProdBranch, "main"), (pr.HeadRef, pr.Base));
        Assert.Equal("prod: RetireCluster prod-1-34-blue", pr.Title);
        Assert.Contains(
            "state: retired",
            await workspace.GitAsync("show", $"{ProdBranch}:helmfile/clusters.yaml")
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
