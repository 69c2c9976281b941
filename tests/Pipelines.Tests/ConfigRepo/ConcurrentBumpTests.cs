namespace Pipelines.Tests.ConfigRepo;

/// <summary>Many CI runs bumping one config repo at once, as apps do (argocd-image-updater #175, #673).</summary>
public sealed class ConcurrentBumpTests
{
    [Fact]
    public async Task Sixteen_concurrent_bumps_of_different_apps_all_land_and_none_is_lost()
    {
        // Arrange
        var apps = Enumerable.Range(1, 16).Select(i => $"app{i:00}").ToList();
        using var workspace = await BumpWorkspace.CreateAsync(
            apps.Select(app => BumpWorkspace.AppValues(app, "stage")).ToDictionary()
        );

        // Act
        var results = await Task.WhenAll(
            apps.Select(app =>
                workspace.BumpAsync(
                    "--app",
                    app,
                    "--env",
                    "stage",
                    "--image",
                    BumpWorkspace.Image("new-" + app)
                )
            )
        );

        // Assert
        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        foreach (var app in apps)
        {
            Assert.Contains(
                $"tag: \"new-{app}\"",
                await workspace.Repo.ShowAsync($"helmfile/values/apps/{app}/stage.yaml")
            );
        }
        var subjects = await workspace.Repo.SubjectsAsync();
        Assert.Equal(17, subjects.Count);
        Assert.Equal(apps, subjects.SkipLast(1).Select(s => s[..5]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_concurrent_bumps_of_one_app_and_env_both_exit_0_and_the_later_commit_wins()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var results = await Task.WhenAll(
            workspace.BumpAsync(
                "--app",
                "web",
                "--env",
                "stage",
                "--image",
                BumpWorkspace.Image("aaaaaaa")
            ),
            workspace.BumpAsync(
                "--app",
                "web",
                "--env",
                "stage",
                "--image",
                BumpWorkspace.Image("bbbbbbb", BumpWorkspace.Digest1)
            )
        );

        // Assert
        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        var subjects = await workspace.Repo.SubjectsAsync();
        Assert.Equal(3, subjects.Count);
        var laterTag = subjects[0].Contains("aaaaaaa", StringComparison.Ordinal)
            ? "aaaaaaa"
            : "bbbbbbb";
        Assert.Contains(
            $"tag: \"{laterTag}\"",
            await workspace.Repo.ShowAsync("helmfile/values/apps/web/stage.yaml")
        );
    }
}
