using Pipelines.ConfigRepo;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tests.ConfigRepo;

/// <summary>The config-repo path every change takes, against real bare git repositories.</summary>
public sealed class ConfigRepoChangesTests : IDisposable
{
    private readonly string _temp = Directory
        .CreateTempSubdirectory("pipelines-config-changes-")
        .FullName;

    private ConfigRepoContext Context(string repo, bool dryRun = false) =>
        new()
        {
            Repository = repo,
            TemporaryDirectory = AbsolutePath.Create(_temp),
            DryRun = dryRun,
        };

    private static ConfigChange AppendLine(string file, string line) =>
        new()
        {
            Via = ConfigDelivery.Commit,
            Edit = (workspace, _) =>
            {
                var text = workspace.Read(file);
                if (text.Contains(line + "\n", StringComparison.Ordinal))
                {
                    return Task.FromResult<ConfigEdit?>(null);
                }
                workspace.Write(file, text + line + "\n");
                return Task.FromResult<ConfigEdit?>(new ConfigEdit($"Add {line}", "body"));
            },
        };

    [Fact]
    public async Task A_change_is_one_commit_on_the_base_branch_and_the_clone_is_removed()
    {
        // Arrange
        using var repo = await BareConfigRepo.CreateAsync(
            new Dictionary<string, string> { ["list.txt"] = "a\n" }
        );

        // Act
        var result = await ConfigRepoChanges.ApplyAsync(
            AppendLine("list.txt", "b"),
            Context(repo.Path),
            default
        );

        // Assert
        Assert.True(result.Changed);
        Assert.Equal("main", result.Branch);
        Assert.Equal("a\nb\n", await repo.ShowAsync("list.txt"));
        Assert.Equal(["Add b", "Initial config"], await repo.SubjectsAsync());
        Assert.Contains("+b", Assert.Single(result.Files).Diff);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_temp, "config-repo")));
    }

    [Fact]
    public async Task A_change_the_repo_already_holds_makes_no_commit()
    {
        // Arrange
        using var repo = await BareConfigRepo.CreateAsync(
            new Dictionary<string, string> { ["list.txt"] = "a\nb\n" }
        );

        // Act
        var result = await ConfigRepoChanges.ApplyAsync(
            AppendLine("list.txt", "b"),
            Context(repo.Path),
            default
        );

        // Assert
        Assert.False(result.Changed);
        Assert.Equal(["Initial config"], await repo.SubjectsAsync());
    }

    [Fact]
    public async Task Sixteen_concurrent_changes_to_one_file_all_land_because_each_lost_race_redoes_its_edit()
    {
        // Arrange
        using var repo = await BareConfigRepo.CreateAsync(
            new Dictionary<string, string> { ["list.txt"] = "" }
        );
        var lines = Enumerable.Range(1, 16).Select(i => $"line-{i:00}").ToList();

        // Act
        var results = await Task.WhenAll(
            lines.Select(line =>
                ConfigRepoChanges.ApplyAsync(
                    AppendLine("list.txt", line),
                    Context(repo.Path),
                    default
                )
            )
        );

        // Assert
        var final = (await repo.ShowAsync("list.txt")).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries
        );
        Assert.Equal(lines, final.Order(StringComparer.Ordinal));
        Assert.Equal(17, (await repo.SubjectsAsync()).Count);
        Assert.All(results, r => Assert.True(r.Changed));
        Assert.True(
            results.Sum(r => r.Retries) > 0,
            "16 writers at once should have lost some races"
        );
    }

    [Fact]
    public async Task A_dry_run_shows_the_diff_and_pushes_nothing()
    {
        // Arrange
        using var repo = await BareConfigRepo.CreateAsync(
            new Dictionary<string, string> { ["list.txt"] = "a\n" }
        );

        // Act
        var result = await ConfigRepoChanges.ApplyAsync(
            AppendLine("list.txt", "b"),
            Context(repo.Path, dryRun: true),
            default
        );

        // Assert
        Assert.True(result.Changed);
        Assert.Null(result.Commit);
        Assert.Contains("+b", Assert.Single(result.Files).Diff);
        Assert.Equal(["Initial config"], await repo.SubjectsAsync());
    }

    [Fact]
    public async Task A_missing_config_repo_is_a_usage_error_naming_it()
    {
        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() =>
            ConfigRepoChanges.ApplyAsync(
                AppendLine("list.txt", "b"),
                Context(Path.Combine(_temp, "nope")),
                default
            )
        );

        // Assert
        Assert.Contains("--config-repo", error.Message);
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public async Task An_unknown_base_branch_fails_clearly_and_leaves_no_clone()
    {
        // Arrange
        using var repo = await BareConfigRepo.CreateAsync(
            new Dictionary<string, string> { ["list.txt"] = "a\n" }
        );
        var change = AppendLine("list.txt", "b");

        // Act
        var error = await Assert.ThrowsAsync<ConfigRepoException>(() =>
            ConfigRepoChanges.ApplyAsync(
                change,
                Context(repo.Path) with
                {
                    Branch = "release",
                },
                default
            )
        );

        // Assert
        Assert.Contains("branch release", error.Message);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_temp, "config-repo")));
    }

    [Fact]
    public async Task A_push_refused_by_a_server_hook_is_not_retried_and_says_to_use_a_pull_request()
    {
        // Arrange
        using var repo = await BareConfigRepo.CreateAsync(
            new Dictionary<string, string> { ["list.txt"] = "a\n" }
        );
        var hook = Path.Combine(repo.Path, "hooks", "pre-receive");
        await File.WriteAllTextAsync(hook, "#!/bin/sh\necho 'main is protected' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, Pipelines.Tools.Helm.HelmInstaller.ExecutableMode);
        }

        // Act
        var error = await Assert.ThrowsAsync<ConfigRepoException>(() =>
            ConfigRepoChanges.ApplyAsync(AppendLine("list.txt", "b"), Context(repo.Path), default)
        );

        // Assert
        Assert.Contains("--via pull-request", error.Message);
        Assert.Contains("main is protected", error.Message);
        Assert.Equal(["Initial config"], await repo.SubjectsAsync());
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
