using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// ProvisionCluster in memory on a copy of the project's config, with stage's 1.34 cluster retired so a new one fits.
/// No eksctl or aws exists here: the dry run needs neither, and the real flow runs fake ones put on the build's PATH.
/// </summary>
public class ProvisionClusterTests
{
    private static LifecycleWorkspace StageWithRoom()
    {
        var workspace = new LifecycleWorkspace();
        workspace.Retire("stage-1-34-blue");
        return workspace;
    }

    [Fact]
    public async Task A_dry_run_without_eksctl_or_aws_prints_the_config_the_commands_the_diff_and_the_preflight_and_writes_nothing()
    {
        // Arrange
        using var workspace = StageWithRoom();
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync("ProvisionCluster", "--env", "stage", "--dry-run");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var output = result.Output;
        Assert.Contains("--- clusters/stage-1-35-blue.eksctl.yaml (would be written):", output);
        Assert.Contains(
            "kind: ClusterConfig\nmetadata:\n  name: stage-1-35-blue\n  region: ap-northeast-1\n  version: \"1.35\"",
            output
        );
        Assert.Contains(
            "\neksctl create cluster -f clusters/stage-1-35-blue.eksctl.yaml\n",
            output
        );
        Assert.Contains(
            "\naws eks update-kubeconfig --name stage-1-35-blue --region ap-northeast-1 --alias stage-1-35-blue\n",
            output
        );
        Assert.Contains("+++ b/helmfile/clusters.yaml", output);
        Assert.Contains(
            "+      - name: stage-1-35-blue\n+        kubernetesVersion: \"1.35\"",
            output
        );
        Assert.Contains(
            "+        deadline: \"2026-12-14\"\n+        carries:\n+          - tier=management",
            output
        );
        Assert.Contains(
            "ok  stage: 1 live cluster(s) (stage-1-35-green); with stage-1-35-blue, 2 of at most 2",
            output
        );
        Assert.Contains(
            "ok  removed APIs at Kubernetes 1.35: none in 3 release(s) (log-forwarder, metrics-agent, web)",
            output
        );
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task The_new_cluster_takes_the_other_color_than_the_newest_and_the_deadline_can_be_a_date()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        workspace.Retire("prod-1-34-blue");

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "prod",
            "--deadline",
            "2027-01-15",
            "--dry-run"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "ProvisionCluster prod-1-35-blue: Kubernetes 1.35, blue, ap-northeast-1, migration deadline 2027-01-15",
            result.Output
        );
        Assert.Contains("+        deadline: \"2027-01-15\"", result.Output);
    }

    [Fact]
    public async Task A_name_whose_color_clashes_with_a_retired_cluster_is_refused_with_the_fix()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        workspace.Retire("prod-1-35-green");

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "prod",
            "--kube-version",
            "1.35",
            "--dry-run"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "Cluster name prod-1-35-green is already in helmfile/clusters.yaml (environment prod, state retired)",
            result.AllOutput
        );
        Assert.Contains("Choose the other color with --name", result.AllOutput);
    }

    [Fact]
    public async Task A_chart_on_policy_v1beta1_blocks_provisioning_a_1_25_or_newer_cluster_and_names_the_release()
    {
        // Arrange
        using var workspace = StageWithRoom();
        workspace.AddLegacyApp();
        FakeTool.Write(workspace.Bin, "eksctl");
        FakeTool.Write(workspace.Bin, "aws");
        var before = workspace.Snapshot();

        // Act
        var dryRun = await workspace.RunAsync("ProvisionCluster", "--env", "stage", "--dry-run");
        var real = await workspace.RunAsync("ProvisionCluster", "--env", "stage");

        // Assert
        foreach (var result in new[] { dryRun, real })
        {
            Assert.True(result.ExitCode == 1, result.AllOutput);
            Assert.Contains(
                "Preflight failed: 1 object(s) use APIs Kubernetes 1.35 no longer serves",
                result.AllOutput
            );
            Assert.Contains(
                "release legacy: legacy/templates/pdb.yaml: PodDisruptionBudget legacy (ns legacy) uses policy/v1beta1, removed in 1.25; use policy/v1",
                result.AllOutput
            );
        }
        Assert.Empty(FakeTool.Calls(workspace.Bin, "eksctl"));
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task Without_eksctl_on_PATH_a_real_run_says_how_to_install_it_and_writes_nothing()
    {
        // Arrange
        using var workspace = StageWithRoom();
        FakeTool.Write(workspace.Bin, "aws");
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync("ProvisionCluster", "--env", "stage");

        // Assert
        Assert.True(result.ExitCode == 1, result.AllOutput);
        Assert.Contains(
            "eksctl is not on PATH, and ProvisionCluster needs it. Install it (https://eksctl.io/installation/)",
            result.AllOutput
        );
        Assert.Contains("--dry-run shows the plan without it", result.AllOutput);
        Assert.Equal(
            ["describe-cluster-versions"],
            FakeTool.Calls(workspace.Bin, "aws").Select(call => call[1])
        );
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task With_a_fake_eksctl_on_PATH_the_exact_command_runs_then_the_cluster_is_added_synced_and_bootstrapped()
    {
        // Arrange
        using var workspace = StageWithRoom();
        FakeTool.Write(workspace.Bin, "eksctl");
        FakeTool.Write(workspace.Bin, "aws", stdout: EksCalendarTests.AwsOutput);
        await using var cluster = await KubeApiTestServer.StartAsync();
        await using var controller = new RolloutController(cluster);
        workspace.WriteKubeconfig(
            new Dictionary<string, KubeApiTestServer> { ["stage-1-35-blue"] = cluster }
        );
        var header = workspace.ClustersText[
            ..workspace.ClustersText.IndexOf("environments:", StringComparison.Ordinal)
        ];

        // Act
        var result = await workspace.RunAsync(
            "ProvisionCluster",
            "--env",
            "stage",
            "--kubeconfig",
            workspace.Kubeconfig,
            "--timeout",
            "60"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Equal(
            [
                ["create", "cluster", "-f", "clusters/stage-1-35-blue.eksctl.yaml"],
            ],
            FakeTool.Calls(workspace.Bin, "eksctl")
        );
        Assert.Equal(
            [
                [
                    "eks",
                    "describe-cluster-versions",
                    "--output",
                    "json",
                    "--region",
                    "ap-northeast-1",
                ],
                [
                    "eks",
                    "update-kubeconfig",
                    "--name",
                    "stage-1-35-blue",
                    "--region",
                    "ap-northeast-1",
                    "--alias",
                    "stage-1-35-blue",
                    "--kubeconfig",
                    workspace.Kubeconfig.Value,
                ],
            ],
            FakeTool.Calls(workspace.Bin, "aws")
        );
        var config = File.ReadAllText(workspace.Root / "clusters" / "stage-1-35-blue.eksctl.yaml");
        Assert.Empty(ClusterConfigSchema.Errors(config));
        var clusters = workspace.ClustersText;
        Assert.StartsWith(header, clusters);
        Assert.Contains(
            "        carries:\n          - tier=management\n          - app=web\n      - name: stage-1-35-blue\n        kubernetesVersion: \"1.35\"\n        kubeContext: stage-1-35-blue\n        color: blue\n        state: active\n        provisioned: \"2026-11-02\"\n        deadline: \"2026-12-14\"\n        carries:\n          - tier=management\n  prod:\n",
            clusters
        );
        Assert.NotNull(cluster.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
        Assert.NotNull(cluster.GetObject("apps/v1", "daemonsets", "monitoring", "metrics-agent"));
        Assert.Null(cluster.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.NotNull(cluster.GetObject("v1", "serviceaccounts", "kube-system", "pipelines-cd"));
        var binding = cluster.GetObject(
            "rbac.authorization.k8s.io/v1",
            "clusterrolebindings",
            null,
            "pipelines-cd"
        )!;
        Assert.Equal("pipelines:cd", binding["subjects"]![1]!["name"]!.GetValue<string>());
        Assert.NotNull(
            cluster.GetObject("rbac.authorization.k8s.io/v1", "clusterroles", null, "pipelines-cd")
        );
        // The read-only group of drift and plans: get, list and watch on everything, no other verb.
        var reader = cluster.GetObject(
            "rbac.authorization.k8s.io/v1",
            "clusterroles",
            null,
            "pipelines-read-only"
        )!;
        var rule = Assert.Single(reader["rules"]!.AsArray())!;
        Assert.Equal(
            ["get", "list", "watch"],
            rule["verbs"]!.AsArray().Select(v => v!.GetValue<string>())
        );
        var readerBinding = cluster.GetObject(
            "rbac.authorization.k8s.io/v1",
            "clusterrolebindings",
            null,
            "pipelines-read-only"
        )!;
        Assert.Equal(
            ("ClusterRole", "pipelines-read-only"),
            (
                readerBinding["roleRef"]!["kind"]!.GetValue<string>(),
                readerBinding["roleRef"]!["name"]!.GetValue<string>()
            )
        );
        var readerSubject = Assert.Single(readerBinding["subjects"]!.AsArray())!;
        Assert.Equal(
            ("Group", "pipelines:read-only"),
            (readerSubject["kind"]!.GetValue<string>(), readerSubject["name"]!.GetValue<string>())
        );
        Assert.Contains("cluster: stage-1-35-blue", result.NoteOf("ProvisionCluster"));
    }
}
