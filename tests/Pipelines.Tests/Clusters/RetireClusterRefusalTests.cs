namespace Pipelines.Tests.Clusters;

public class RetireClusterRefusalTests
{
    [Fact]
    public async Task Retiring_a_cluster_an_app_runs_only_on_is_refused_naming_the_app_and_nothing_changes()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync(
            "RetireCluster",
            "--env",
            "prod",
            "--name",
            "prod-1-34-blue"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "prod-1-34-blue still runs 1 app(s) no other live cluster of prod carries: web.",
            result.AllOutput
        );
        Assert.Contains(
            "./build.sh MigrateApp --env prod --app web --to <new cluster>",
            result.AllOutput
        );
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task An_unknown_cluster_name_is_refused_with_a_suggestion()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();

        // Act
        var result = await workspace.RunAsync(
            "RetireCluster",
            "--env",
            "prod",
            "--name",
            "prod-1-32-bleu"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--name prod-1-32-bleu: no such cluster in helmfile/clusters.yaml. Did you mean 'prod-1-34-blue'?",
            result.AllOutput
        );
    }

    [Fact]
    public async Task A_cluster_of_another_environment_is_refused_naming_both_and_nothing_runs()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        FakeTool.Write(workspace.Bin, "eksctl");
        FakeTool.Write(workspace.Bin, "aws");
        var before = workspace.Snapshot();

        // Act
        var result = await workspace.RunAsync(
            "RetireCluster",
            "--env",
            "stage",
            "--name",
            "test-1-34-blue"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--name test-1-34-blue is a cluster of test, not of --env stage (helmfile/clusters.yaml); nothing was changed. "
                + "Clusters of stage: stage-1-34-blue, stage-1-35-green. To retire test-1-34-blue, pass --env test.",
            result.AllOutput
        );
        Assert.Equal(before, workspace.Snapshot());
        Assert.Empty(FakeTool.Calls(workspace.Bin, "aws"));
        Assert.Empty(FakeTool.Calls(workspace.Bin, "eksctl"));
    }

    [Fact]
    public async Task A_drain_that_fails_leaves_the_cluster_active_in_clusters_yaml_unpublished_and_undeleted()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        FakeTool.Write(workspace.Bin, "eksctl");
        FakeTool.Write(workspace.Bin, "aws");
        // Nothing listens on port 1: the cluster cannot be reached, so the drain cannot happen.
        workspace.Write(
            ".nuke/kubeconfig",
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:1\n"
                + "users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: test-1-34-blue\n  context:\n"
                + "    cluster: c\n    user: u\ncurrent-context: test-1-34-blue\n"
        );
        await workspace.InitGitAsync();
        var clusters = workspace.ClustersText;

        // Act
        var result = await workspace.RunAsync(
            "RetireCluster",
            "--env",
            "test",
            "--name",
            "test-1-34-blue",
            "--kubeconfig",
            workspace.Kubeconfig,
            "--config-repo",
            workspace.Root
        );

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Sync failed on", result.AllOutput);
        Assert.Equal(clusters, workspace.ClustersText);
        Assert.Single(FakeTool.Calls(workspace.Bin, "aws"));
        Assert.Empty(FakeTool.Calls(workspace.Bin, "eksctl"));
        Assert.Equal("", await workspace.GitAsync("status", "--porcelain"));
        Assert.Single((await workspace.GitAsync("log", "--all", "--format=%s")).Split('\n'));
    }

    [Fact]
    public async Task Off_the_default_branch_it_is_refused_before_anything_is_drained_or_deleted()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        FakeTool.Write(workspace.Bin, "eksctl");
        FakeTool.Write(workspace.Bin, "aws");
        await workspace.InitGitAsync();
        await workspace.GitAsync("checkout", "--quiet", "-b", "unreviewed");
        var clusters = workspace.ClustersText;

        // Act
        var result = await workspace.RunAsync(
            "RetireCluster",
            "--env",
            "test",
            "--name",
            "test-1-34-blue",
            "--config-repo",
            workspace.Root,
            "--config-branch",
            "main"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "RetireCluster publishes only from a checkout of main, the config repo's base branch; this checkout is on unreviewed.",
            result.AllOutput
        );
        Assert.Equal(clusters, workspace.ClustersText);
        Assert.Empty(FakeTool.Calls(workspace.Bin, "aws"));
        Assert.Empty(FakeTool.Calls(workspace.Bin, "eksctl"));
    }
}
