using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// MigrateApp commits to the config repo (here the workspace's own git repository, the default), then Sync --prune
/// moves the app between two test API servers standing in for prod's blue and green clusters.
/// </summary>
public class MigrateAppTests
{
    [Fact]
    public async Task After_MigrateApp_and_Sync_with_prune_the_app_runs_only_on_green_and_management_on_both()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        await workspace.InitGitAsync();
        await workspace.LinkSharedHelmAsync();
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
        string[] sync =
        [
            "Sync",
            "--env",
            "prod",
            "--prune",
            "--kubeconfig",
            workspace.Kubeconfig,
            "--timeout",
            "60",
        ];
        var first = await workspace.RunAsync(sync);
        var webOnBlueBefore = blue.GetObject("apps/v1", "deployments", "web", "web-app");
        var webOnGreenBefore = green.GetObject("apps/v1", "deployments", "web", "web-app");

        // Act
        var migrate = await workspace.RunAsync(
            "MigrateApp",
            "--app",
            "web",
            "--env",
            "prod",
            "--to",
            "prod-1-35-green",
            "--via",
            "commit"
        );
        var second = await workspace.RunAsync(sync);
        var again = await workspace.RunAsync(
            "MigrateApp",
            "--app",
            "web",
            "--env",
            "prod",
            "--to",
            "prod-1-35-green",
            "--via",
            "commit"
        );

        // Assert
        Assert.True(first.ExitCode == 0, first.AllOutput);
        Assert.NotNull(webOnBlueBefore);
        Assert.Null(webOnGreenBefore);
        Assert.True(migrate.ExitCode == 0, migrate.AllOutput);
        Assert.Equal(
            "MigrateApp: web to prod-1-35-green in prod",
            await workspace.GitAsync("log", "-1", "--format=%s")
        );
        var clusters = workspace.ClustersText;
        Assert.Contains(
            "        state: active\n        provisioned: \"2025-10-27\"\n        carries:\n          - app!=web\n",
            clusters
        );
        Assert.Contains(
            "        carries:\n          - tier=management\n          - app=web\n",
            clusters
        );
        Assert.Contains("# How an app moves (MigrateApp --app web --to <new>)", clusters);
        Assert.True(second.ExitCode == 0, second.AllOutput);
        Assert.Null(blue.GetObject("apps/v1", "deployments", "web", "web-app"));
        Assert.NotNull(green.GetObject("apps/v1", "deployments", "web", "web-app"));
        foreach (var server in new[] { blue, green })
        {
            Assert.NotNull(server.GetObject("apps/v1", "daemonsets", "logging", "log-forwarder"));
            Assert.NotNull(
                server.GetObject("apps/v1", "daemonsets", "monitoring", "metrics-agent")
            );
        }
        Assert.True(again.ExitCode == 0, again.AllOutput);
        Assert.Contains("change: already up to date", again.NoteOf("MigrateApp"));
    }

    [Fact]
    public async Task With_keep_on_old_the_app_is_added_to_green_and_stays_on_blue()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        await workspace.InitGitAsync();

        // Act
        var result = await workspace.RunAsync(
            "MigrateApp",
            "--app",
            "web",
            "--env",
            "prod",
            "--to",
            "prod-1-35-green",
            "--via",
            "commit",
            "--keep-on-old"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var diff = await workspace.GitAsync("show", "--format=", "--unified=0", "HEAD");
        Assert.Equal(
            ["+          - app=web"],
            diff.Split('\n')
                .Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal))
        );
        Assert.Contains(
            "prod-1-34-blue keeps it too (parallel run)",
            await workspace.GitAsync("log", "-1", "--format=%b")
        );
    }

    [Fact]
    public async Task A_dry_run_shows_the_diff_and_commits_nothing()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        await workspace.InitGitAsync();
        var head = await workspace.GitAsync("rev-parse", "HEAD");

        // Act
        var result = await workspace.RunAsync(
            "MigrateApp",
            "--app",
            "web",
            "--env",
            "prod",
            "--to",
            "prod-1-35-green",
            "--via",
            "commit",
            "--dry-run"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("+          - app!=web", result.Output);
        Assert.Equal(head, await workspace.GitAsync("rev-parse", "HEAD"));
        Assert.Empty(await workspace.GitAsync("status", "--porcelain"));
    }

    [Fact]
    public async Task A_pull_request_dry_run_names_the_branch_it_would_push_and_commits_nothing()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        await workspace.InitGitAsync();
        var head = await workspace.GitAsync("rev-parse", "HEAD");

        // Act
        var result = await workspace.RunAsync(
            "MigrateApp",
            "--app",
            "web",
            "--env",
            "prod",
            "--to",
            "prod-1-35-green",
            "--via",
            "pull-request",
            "--dry-run"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "would push branch migrate/web/prod and open (or update) a pull request migrate/web/prod -> main",
            result.Output
        );
        Assert.Contains("MigrateApp: web to prod-1-35-green in prod", result.Output);
        Assert.Equal(head, await workspace.GitAsync("rev-parse", "HEAD"));
        Assert.Equal("main", await workspace.GitAsync("branch", "--show-current"));
        Assert.Equal("* main", await workspace.GitAsync("branch", "--list"));
    }

    [Theory]
    [InlineData(
        "api",
        "prod-1-35-green",
        "--app api: no release of environment 'prod' is labelled app=api in helmfile.yaml. Apps: web."
    )]
    [InlineData("log-forwarder", "prod-1-35-green", "--app log-forwarder is a management app")]
    [InlineData(
        "web",
        "prod-1-35-gren",
        "--to prod-1-35-gren: not a live cluster of prod in helmfile/clusters.yaml. Did you mean 'prod-1-35-green'?"
    )]
    public async Task A_bad_app_or_cluster_is_refused_with_the_valid_ones_and_nothing_is_committed(
        string app,
        string to,
        string expected
    )
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        await workspace.InitGitAsync();
        var head = await workspace.GitAsync("rev-parse", "HEAD");

        // Act
        var result = await workspace.RunAsync(
            "MigrateApp",
            "--app",
            app,
            "--env",
            "prod",
            "--to",
            to,
            "--via",
            "commit"
        );

        // Assert
        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains(expected, result.AllOutput);
        Assert.Equal(head, await workspace.GitAsync("rev-parse", "HEAD"));
    }
}
