using Pipelines.ConfigRepo;
using Pipelines.ConfigRepo.Onboarding;
using Pipelines.Engine;
using Pipelines.Tests.Engine;
using Pipelines.Tests.GitHub;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.ConfigRepo;

/// <summary>
/// AddApp against a real bare config repo seeded with the repository's helmfile/, pull requests through the
/// in-process GitHub API test server; then BumpK8sConfig, which refused the app before, pins it.
/// </summary>
public sealed class AddAppTests
{
    private const string Helmfile = "helmfile/helmfile.yaml";

    private static Task<BuildResult<AddAppBuild>> AddAsync(
        BumpWorkspace workspace,
        params string[] args
    ) => workspace.RunAsync(new AddAppBuild(), ["AddApp", .. args]);

    [Fact]
    public async Task AddApp_commits_the_release_and_its_values_and_switches_prod_on_through_a_pull_request()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var github = await GitHubApiTestServer.StartAsync();
        github.AddRepository("sre", "config");
        github.AddBranch("sre", "config", "add-app/web2/prod");

        // Act
        var result = await AddAsync(
            workspace,
            "--app",
            "web2",
            "--github-repository",
            "sre/config",
            "--github-api-url",
            github.ApiUri.ToString(),
            "--github-token",
            github.Token
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var helmfile = await workspace.Repo.ShowAsync(Helmfile);
        Assert.Contains(
            "  - name: web2\n    namespace: web2\n    chart: ../charts/app\n    labels:\n      tier: app\n      app: web2\n"
                + "    needs:\n      - logging/log-forwarder\n    condition: web2.enabled\n    values:\n"
                + "      - values/apps/web2/values.yaml.gotmpl\n",
            helmfile
        );
        Assert.StartsWith("# The k8s config of every environment", helmfile);
        Assert.Contains(
            "web2:\n  enabled: true\n",
            await workspace.Repo.ShowAsync("helmfile/values/stage.yaml")
        );
        Assert.Contains(
            "web2:\n  enabled: false\n",
            await workspace.Repo.ShowAsync("helmfile/values/prod.yaml")
        );
        Assert.Contains(
            "  repository: \"\"\n  tag: \"\"\n",
            await workspace.Repo.ShowAsync("helmfile/values/apps/web2/test.yaml")
        );
        Assert.Equal(["AddApp: web2", "Initial config"], await workspace.Repo.SubjectsAsync());
        var pr = Assert.Single(github.PullRequests("sre", "config"));
        Assert.Equal(("add-app/web2/prod", "main"), (pr.HeadRef, pr.Base));
        Assert.Contains(
            "web2:\n  enabled: true\n",
            await workspace.Repo.ShowAsync("helmfile/values/prod.yaml", "add-app/web2/prod")
        );
        Assert.Contains(
            "./build.sh MigrateApp --app web2",
            result.Output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task BumpK8sConfig_refuses_a_new_app_until_AddApp_added_it_then_pins_its_image()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        string[] bump =
        [
            "--app",
            "api",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("a1b2c3d"),
        ];
        var before = await workspace.BumpAsync(bump);

        // Act
        var added = await AddAsync(workspace, "--app", "api", "--envs", "test", "stage");
        var after = await workspace.BumpAsync(bump);

        // Assert
        Assert.Equal(2, before.ExitCode);
        Assert.True(added.ExitCode == 0, added.AllOutput);
        Assert.True(after.ExitCode == 0, after.AllOutput);
        var pin = await workspace.Repo.ShowAsync("helmfile/values/apps/api/stage.yaml");
        Assert.Contains("tag: \"a1b2c3d\"", pin, StringComparison.Ordinal);
        Assert.Contains($"digest: \"{BumpWorkspace.Digest2}\"", pin, StringComparison.Ordinal);
        Assert.Contains(
            "api:\n  enabled: false\n",
            await workspace.Repo.ShowAsync("helmfile/values/prod.yaml")
        );
        Assert.False(await workspace.Repo.HasBranchAsync("add-app/api/prod"));
    }

    [Theory]
    [InlineData("web", "web is already an app of the config repo")]
    [InlineData("Web_2", "--app 'Web_2' is not a DNS label")]
    [InlineData("-web", "--app '-web' is not a DNS label")]
    public async Task An_existing_app_or_a_name_that_is_not_a_DNS_label_is_refused_with_exit_2_and_nothing_pushed(
        string app,
        string message
    )
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await AddAsync(workspace, "--app", app, "--envs", "test");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.AllOutput, StringComparison.Ordinal);
        Assert.Equal(["Initial config"], await workspace.Repo.SubjectsAsync());
    }

    [Fact]
    public async Task An_addition_whose_pull_request_failed_is_finished_with_resume_and_not_added_twice()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var github = await GitHubApiTestServer.StartAsync();
        github.AddRepository("sre", "config");
        github.AddBranch("sre", "config", "add-app/web2/prod");
        string[] access =
        [
            "--app",
            "web2",
            "--github-repository",
            "sre/config",
            "--github-api-url",
            github.ApiUri.ToString(),
            "--github-token",
            github.Token,
        ];
        github.InjectFault(
            new GitHubFault(422, "POST", "/repos/sre/config/pulls") { Times = null }
        );
        var failed = await AddAsync(workspace, access);
        github.ClearFaults();

        // Act
        var again = await AddAsync(workspace, access);
        var resumed = await AddAsync(workspace, [.. access, "--resume"]);

        // Assert
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains(
            "run AddApp again with --resume",
            again.AllOutput,
            StringComparison.Ordinal
        );
        Assert.True(resumed.ExitCode == 0, resumed.AllOutput);
        Assert.Equal(["AddApp: web2", "Initial config"], await workspace.Repo.SubjectsAsync());
        var pr = Assert.Single(github.PullRequests("sre", "config"));
        Assert.Equal(("add-app/web2/prod", "main"), (pr.HeadRef, pr.Base));
    }

    [Fact]
    public async Task Resume_of_an_app_that_was_never_added_is_refused_and_pushes_nothing()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await using var github = await GitHubApiTestServer.StartAsync();
        github.AddRepository("sre", "config");

        // Act
        var result = await AddAsync(
            workspace,
            "--app",
            "api",
            "--resume",
            "--github-repository",
            "sre/config",
            "--github-api-url",
            github.ApiUri.ToString(),
            "--github-token",
            github.Token
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no addition to finish", result.AllOutput, StringComparison.Ordinal);
        Assert.Equal(["Initial config"], await workspace.Repo.SubjectsAsync());
        Assert.False(await workspace.Repo.HasBranchAsync("add-app/api/prod"));
        Assert.Empty(github.PullRequests("sre", "config"));
    }

    [Fact]
    public async Task Prod_without_a_way_to_open_its_pull_request_is_refused_before_anything_is_pushed()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await AddAsync(workspace, "--app", "web2");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--via pull-request needs the GitHub repository",
            result.AllOutput,
            StringComparison.Ordinal
        );
        Assert.Equal(["Initial config"], await workspace.Repo.SubjectsAsync());
    }

    [Fact]
    public async Task A_dry_run_shows_the_diff_and_pushes_nothing()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await AddAsync(workspace, "--app", "web2", "--dry-run");

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("+  - name: web2", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "+++ b/helmfile/values/apps/web2/values.yaml.gotmpl",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "would push branch add-app/web2/prod",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Equal(["Initial config"], await workspace.Repo.SubjectsAsync());
    }
}

/// <summary>The smallest config-repo build with AddApp and BumpK8sConfig, as build/Build.ConfigRepo.cs composes them.</summary>
internal sealed class AddAppBuild : PipelineBuild, IAppOnboarding, IBumpK8sConfig;
