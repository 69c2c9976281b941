using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.GitHubActions.Linting;
using Pipelines.Helmfile;
using Pipelines.Images;
using Pipelines.Tests.Bootstrap;
using Pipelines.Tests.ConfigRepo;
using Pipelines.Tests.Engine;
using Pipelines.Tests.Helmfile;
using Pipelines.Tests.Images;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.Packaging;

/// <summary>
/// Issue 17's journey end to end, offline: the packed packages, two app repositories from <c>dotnet new
/// pipelines-app</c>, AddApp of both in the config repository, both apps' CI (<c>./build.sh PushImage BumpK8sConfig
/// --env stage</c>) at the same time with real buildah, a real docker-registry and real git, then the config
/// repository's RenderHelmfile. The config repository's targets run in-process, as its own build composes them.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class AppOnboardingTests(AppRepositories apps, RegistryFixture registry)
    : IClassFixture<AppRepositories>,
        IClassFixture<RegistryFixture>
{
    /// <summary>What <c>dotnet new</c> replaces with the app, the config repository and the package.</summary>
    private static readonly string[] Placeholders =
    [
        "APP_NAME",
        "CONFIG_REPO_LOCATION",
        "PIPELINES_PACKAGE_SOURCE",
        "PIPELINES_PACKAGE_VERSION",
    ];

    [Fact]
    public void Both_app_repositories_compile_offline_from_the_packed_package_and_the_local_package_folder()
    {
        // Arrange
        var restored = Directory.GetDirectories(apps.Packages).Select(Path.GetFileName);

        // Act
        var help = AppRepositories.Apps.Select(app => apps.ColdHelp[app]).ToList();

        // Assert
        Assert.All(help, result => Assert.True(result.ExitCode == 0, result.Describe()));
        Assert.All(help, result => Assert.Contains("compiling the build", result.StandardError));
        foreach (
            var target in new[] { "BuildImage", "PushImage", "BumpK8sConfig", "GenerateWorkflows" }
        )
        {
            Assert.All(
                help,
                result => Assert.Matches($@"(?m)^  {target}\b", result.StandardOutput)
            );
        }
        Assert.Contains("default: ./api", apps.ColdHelp["api"].StandardOutput);
        // Only the packed Pipelines came into the run's packages folder; everything else was read where it was.
        Assert.Equal(["pipelines"], restored);
        Assert.True(Directory.Exists(Path.Combine(apps.Packages, "pipelines", apps.Version)));
    }

    [Fact]
    public async Task The_new_repository_names_its_app_and_config_repository_and_its_README_runs_only_targets_it_has()
    {
        // Arrange
        var api = apps.RepositoryOf("api");
        var readme = File.ReadAllText(Path.Combine(api, "README.md"));

        // Act
        var created = (await BareConfigRepo.GitAsync(api, "ls-files")).Split('\n');
        var leftovers = created.Where(file =>
            Placeholders.Any(p =>
                File.ReadAllText(Path.Combine(api, file)).Contains(p, StringComparison.Ordinal)
            )
        );
        var commands = Regex
            .Matches(readme, @"(?s)```\n(.*?)```")
            .SelectMany(block => Regex.Matches(block.Groups[1].Value, @"\./build\.sh (\w+)"))
            .Select(command => command.Groups[1].Value)
            .ToList();

        // Assert
        Assert.Empty(leftovers);
        Assert.StartsWith("# api\n", readme, StringComparison.Ordinal);
        Assert.Contains($"({apps.ConfigRepo.Repo.Path})", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(api, "api", "Dockerfile")));
        Assert.Equal(["PushImage", "BumpK8sConfig", "GenerateWorkflows"], commands);
        Assert.All(
            commands,
            target => Assert.Matches($@"(?m)^  {target}\b", apps.ColdHelp["api"].StandardOutput)
        );
    }

    [Fact]
    public async Task Two_apps_pushed_and_bumped_at_once_are_both_pinned_in_the_config_repository_and_render_in_stage()
    {
        // Arrange: the platform team adds both apps (test and stage as commits, prod through a pull request).
        await using var github = await GitHubApiTestServer.StartAsync();
        github.AddRepository("sre", "config");
        foreach (var app in AppRepositories.Apps)
        {
            github.AddBranch("sre", "config", $"add-app/{app}/prod"); // the test server's view of AddApp's push
            var added = await apps.ConfigRepo.RunAsync(
                new AddAppBuild(),
                "AddApp",
                "--app",
                app,
                "--github-repository",
                "sre/config",
                "--github-api-url",
                github.ApiUri.ToString(),
                "--github-token",
                github.Token
            );
            Assert.True(added.ExitCode == 0, added.AllOutput);
        }

        // Act: both app teams' CI at the same time, against one registry and one config repository.
        var ci = await Task.WhenAll(
            AppRepositories.Apps.Select(app =>
                apps.RunBuildAsync(
                    app,
                    ChildProcess.DefaultTimeout,
                    "PushImage",
                    "BumpK8sConfig",
                    "--env",
                    "stage",
                    "--registry",
                    registry.Host,
                    "--build-arg",
                    $"BASE_IMAGE={registry.BaseImage}"
                )
            )
        );
        using var checkout = new BuildHarness();
        var render = await RenderStageAsync(checkout);

        // Assert
        Assert.All(ci, result => Assert.True(result.ExitCode == 0, result.Describe()));
        foreach (var app in AppRepositories.Apps)
        {
            var pushed = PushedImage.Read(
                Path.Combine(apps.RepositoryOf(app), ".nuke", "temp", "image.json")
            );
            Assert.Equal($"{registry.Host}/{app}", pushed.Repository);
            Assert.Equal(pushed.Digest, await registry.DigestOfAsync(app, pushed.Tags[0]));
            var pin = await apps.ConfigRepo.Repo.ShowAsync(
                $"helmfile/values/apps/{app}/stage.yaml"
            );
            Assert.Contains($"repository: \"{pushed.Repository}\"", pin, StringComparison.Ordinal);
            Assert.Contains($"tag: \"{pushed.Tags[0]}\"", pin, StringComparison.Ordinal);
            Assert.Contains($"digest: \"{pushed.Digest}\"", pin, StringComparison.Ordinal);
            var rendered = Directory.GetFiles(
                checkout.Root / ".nuke" / "temp" / "rendered" / "stage",
                $"{app}.yaml",
                SearchOption.AllDirectories
            );
            Assert.NotEmpty(rendered);
            Assert.All(
                rendered,
                file =>
                    Assert.Contains(
                        $"image: \"{pushed.Repository}@{pushed.Digest}\"",
                        File.ReadAllText(file),
                        StringComparison.Ordinal
                    )
            );
        }
        // No lost update: both bumps landed on main, each on top of the other's or the AddApps'.
        var subjects = await apps.ConfigRepo.Repo.SubjectsAsync();
        Assert.Equal(5, subjects.Count);
        Assert.Equal(
            ["api(stage)", "web2(stage)"],
            subjects.Take(2).Select(s => s.Split(':')[0]).Order(StringComparer.Ordinal)
        );
        Assert.True(render.ExitCode == 0, render.AllOutput);
        Assert.Contains("web2/web2: ", render.Output, StringComparison.Ordinal);
        Assert.Contains("api/api: ", render.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateWorkflows_in_an_app_repository_writes_a_ci_workflow_that_actionlint_accepts()
    {
        // Arrange
        var web2 = AbsolutePath.Create(apps.RepositoryOf("web2"));

        // Act
        var generated = await apps.RunBuildAsync(
            "web2",
            ChildProcess.DefaultTimeout,
            "GenerateWorkflows"
        );
        var problems = await Actionlint.LintFilesAsync(
            web2,
            [".github/workflows/ci.yml"],
            HelmfileWorkspace.SharedTools,
            CancellationToken.None
        );

        // Assert
        Assert.True(generated.ExitCode == 0, generated.Describe());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var workflow = File.ReadAllText(web2 / ".github" / "workflows" / "ci.yml");
        Assert.Contains("BumpK8sConfig", workflow, StringComparison.Ordinal);
        Assert.Contains("id-token: write", workflow, StringComparison.Ordinal);
    }

    /// <summary>The config repository's main, checked out, rendered for stage by its RenderHelmfile with real helm.</summary>
    private async Task<BuildResult<RenderBuild>> RenderStageAsync(BuildHarness checkout)
    {
        await BareConfigRepo.GitAsync(checkout.Root, "init", "--quiet", "--initial-branch=main");
        await BareConfigRepo.GitAsync(
            checkout.Root,
            "fetch",
            "--quiet",
            apps.ConfigRepo.Repo.Path,
            "main"
        );
        await BareConfigRepo.GitAsync(checkout.Root, "checkout", "--quiet", "FETCH_HEAD");
        await HelmfileWorkspace.LinkSharedHelmAsync(checkout.Root);
        return await checkout.RunAsync(new RenderBuild(), "RenderHelmfile", "--env", "stage");
    }

    /// <summary>The config repository's RenderHelmfile, as build/Build.Helmfile.cs composes it.</summary>
    private sealed class RenderBuild : PipelineBuild, IHelmfileRender;
}
