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
        var result = await workspace.RunAsync("RetireCluster", "--name", "prod-1-34-blue");

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
        var result = await workspace.RunAsync("RetireCluster", "--name", "prod-1-32-bleu");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--name prod-1-32-bleu: no such cluster in helmfile/clusters.yaml. Did you mean 'prod-1-34-blue'?",
            result.AllOutput
        );
    }
}
