using Pipelines.ConfigRepo;
using Pipelines.ConfigRepo.Publish;
using Pipelines.Engine;
using Pipelines.Tests.Engine;
using Pipelines.Tests.GitHub;
using Pipelines.TestServers;
using Pipelines.TestServers.GitHub;

namespace Pipelines.Tests.ConfigRepo;

/// <summary>
/// PublishChanges against a real bare config repo, from a real checkout of it in which a target changed files,
/// while another commit lands on the config repo in between (as MigrateApp or a bump would).
/// </summary>
public sealed class PublishChangesTests : IDisposable
{
    private const string Clusters = "helmfile/clusters.yaml";
    private readonly BuildHarness _harness = new();
    private BareConfigRepo? _repo;

    private async Task<BareConfigRepo> CheckoutAsync()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var helmfile = Path.Combine(RepositoryRoot.Path, "helmfile");
        foreach (var file in Directory.EnumerateFiles(helmfile, "*", SearchOption.AllDirectories))
        {
            files["helmfile/" + Path.GetRelativePath(helmfile, file)] = File.ReadAllText(file);
        }
        _repo = await BareConfigRepo.CreateAsync(files);
        string root = _harness.Root;
        await BareConfigRepo.GitAsync(root, "init", "--quiet", "--initial-branch=main");
        await BareConfigRepo.GitAsync(root, "remote", "add", "origin", _repo.Path);
        await BareConfigRepo.GitAsync(root, "fetch", "--quiet", "origin");
        await BareConfigRepo.GitAsync(root, "checkout", "--quiet", "-b", "main", "origin/main");
        return _repo;
    }

    /// <summary>Another run changes clusters.yaml on the config repo after this checkout was made.</summary>
    private Task LandMeanwhileAsync(BareConfigRepo repo, string from, string to) =>
        ConfigRepoChanges.ApplyAsync(
            new ConfigChange
            {
                Via = ConfigDelivery.Commit,
                Edit = (workspace, _) =>
                {
                    workspace.Write(Clusters, workspace.Read(Clusters).Replace(from, to));
                    return Task.FromResult<ConfigEdit?>(new ConfigEdit("meanwhile", "x"));
                },
            },
            new ConfigRepoContext
            {
                Repository = repo.Path,
                TemporaryDirectory = _harness.Root / ".nuke" / "temp",
            },
            default
        );

    private Task<BuildResult<PublishBuild>> PublishAsync(params string[] args) =>
        _harness.RunAsync(
            new PublishBuild(),
            ["PublishChanges", "--config-repo", _repo!.Path, .. args]
        );

    [Fact]
    public async Task The_checkouts_changes_land_on_the_newest_head_keeping_what_landed_meanwhile()
    {
        // Arrange
        var repo = await CheckoutAsync();
        var clusters = _harness.Root / Clusters;
        File.WriteAllText(
            clusters,
            File.ReadAllText(clusters).Replace("state: draining", "state: retired")
        );
        Directory.CreateDirectory(_harness.Root / "clusters");
        File.WriteAllText(
            _harness.Root / "clusters" / "test-1-34-blue.eksctl.yaml",
            "kind: ClusterConfig\n"
        );
        // Meanwhile another run changes the same file elsewhere and pushes.
        await LandMeanwhileAsync(repo, "app=web", "app=api");

        // Act
        var result = await PublishAsync(
            "--env",
            "test",
            "--publish-message",
            "test: retire test-1-34-blue"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        var published = await repo.ShowAsync(Clusters);
        Assert.Contains("state: retired", published);
        Assert.Contains("app=api", published);
        Assert.Equal(
            "kind: ClusterConfig\n",
            await repo.ShowAsync("clusters/test-1-34-blue.eksctl.yaml")
        );
        Assert.Equal(
            ["test: retire test-1-34-blue", "meanwhile", "Initial config"],
            await repo.SubjectsAsync()
        );
    }

    [Fact]
    public async Task With_nothing_changed_there_is_nothing_to_publish()
    {
        // Arrange
        var repo = await CheckoutAsync();

        // Act
        var result = await PublishAsync("--env", "test");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to publish", result.Output);
        Assert.Single(await repo.SubjectsAsync());
    }

    [Fact]
    public async Task A_change_that_conflicts_with_what_landed_meanwhile_fails_and_pushes_nothing()
    {
        // Arrange
        var repo = await CheckoutAsync();
        var clusters = _harness.Root / Clusters;
        File.WriteAllText(
            clusters,
            File.ReadAllText(clusters).Replace("state: draining", "state: retired")
        );
        await LandMeanwhileAsync(repo, "state: draining", "state: active");

        // Act
        var result = await PublishAsync("--env", "test");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("conflict with commits that landed", result.AllOutput);
        Assert.Equal(["meanwhile", "Initial config"], await repo.SubjectsAsync());
    }

    [Fact]
    public async Task A_checkout_of_another_branch_is_refused_and_nothing_is_pushed()
    {
        // Arrange
        var repo = await CheckoutAsync();
        await BareConfigRepo.GitAsync(_harness.Root, "checkout", "--quiet", "-b", "unreviewed");
        var clusters = _harness.Root / Clusters;
        File.WriteAllText(
            clusters,
            File.ReadAllText(clusters).Replace("state: draining", "state: retired")
        );

        // Act
        var result = await PublishAsync("--env", "test");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "PublishChanges publishes only from a checkout of main, the config repo's base branch; this checkout is on unreviewed. "
                + "Merge the change into main first",
            result.AllOutput
        );
        Assert.Equal(["Initial config"], await repo.SubjectsAsync());
    }

    [Fact]
    public async Task A_change_to_the_workflows_goes_as_a_pull_request_even_where_commits_are_the_rule()
    {
        // Arrange
        var repo = await CheckoutAsync();
        await using var github = await GitHubApiTestServer.StartAsync();
        github.AddRepository("sre", "config");
        github.AddBranch("sre", "config", "lifecycle/test");
        Directory.CreateDirectory(_harness.Root / ".github" / "workflows");
        File.WriteAllText(_harness.Root / ".github" / "workflows" / "cd.yml", "name: CD\n");

        // Act
        var result = await PublishAsync(
            "--env",
            "test",
            "--publish-message",
            "test: ProvisionCluster",
            "--github-repository",
            "sre/config",
            "--github-api-url",
            github.ApiUri.ToString(),
            "--github-token",
            github.Token
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "The change touches .github/workflows/: it goes as a pull request.",
            result.Output
        );
        var pr = Assert.Single(github.PullRequests("sre", "config"));
        Assert.Equal(
            ("lifecycle/test", "main", "test: ProvisionCluster"),
            (pr.HeadRef, pr.Base, pr.Title)
        );
        Assert.Equal(
            "name: CD\n",
            await repo.ShowAsync(".github/workflows/cd.yml", "lifecycle/test")
        );
        Assert.Equal(["Initial config"], await repo.SubjectsAsync());
    }

    public void Dispose()
    {
        _harness.Dispose();
        _repo?.Dispose();
    }
}

/// <summary>The smallest build with the component, as build/Build.ConfigRepo.cs composes it.</summary>
internal sealed class PublishBuild : PipelineBuild, IConfigRepoPublish;
