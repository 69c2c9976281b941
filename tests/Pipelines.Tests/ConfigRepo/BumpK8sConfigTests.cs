using Pipelines.Images;

namespace Pipelines.Tests.ConfigRepo;

/// <summary>BumpK8sConfig end to end: an in-memory build, a real bare config repo, real git.</summary>
public sealed class BumpK8sConfigTests
{
    private const string WebStage = "helmfile/values/apps/web/stage.yaml";

    [Fact]
    public async Task Bump_commits_the_new_tag_and_digest_and_keeps_the_file_as_people_wrote_it()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        var before = await workspace.Repo.ShowAsync(WebStage);

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "web",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("1a2b3c4")
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        var after = await workspace.Repo.ShowAsync(WebStage);
        Assert.Equal(
            before
                .Replace("\"0.1.0-3f2a1bc\"", "\"1a2b3c4\"")
                .Replace(
                    "sha256:4c0a1b2f5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b",
                    BumpWorkspace.Digest2
                ),
            after
        );
        var message = await workspace.Repo.MessageAsync();
        Assert.StartsWith("web(stage): image 1a2b3c4 (sha256:222222222222)", message);
        Assert.Contains("tag: 0.1.0-3f2a1bc -> 1a2b3c4", message);
        Assert.Contains(
            $"digest: sha256:4c0a1b2f5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b -> {BumpWorkspace.Digest2}",
            message
        );
        Assert.Contains($"env: stage ({WebStage})", message);
    }

    [Fact]
    public async Task A_rerun_with_the_same_image_exits_0_without_a_commit()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        string[] args =
        [
            "--app",
            "web",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("1a2b3c4"),
        ];
        await workspace.BumpAsync(args);

        // Act
        var rerun = await workspace.BumpAsync(args);

        // Assert
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("already up to date", rerun.NoteOf("BumpK8sConfig") + rerun.Output);
        Assert.Equal(2, (await workspace.Repo.SubjectsAsync()).Count);
    }

    [Fact]
    public async Task The_image_comes_from_PushImages_image_json_with_its_source_commit()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        Directory.CreateDirectory(workspace.Root / ".nuke" / "temp");
        File.WriteAllText(
            workspace.Root / ".nuke" / "temp" / "image.json",
            System.Text.Json.JsonSerializer.Serialize(
                new PushedImage(
                    BumpWorkspace.Repository,
                    ["9f8e7d6", "latest"],
                    BumpWorkspace.Digest2,
                    "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
                )
            )
        );

        // Act
        var result = await workspace.BumpAsync("--app", "web", "--env", "test");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "tag: \"9f8e7d6\"",
            await workspace.Repo.ShowAsync("helmfile/values/apps/web/test.yaml")
        );
        Assert.Contains(
            "source: 9f8e7d6c5b4a39281706f5e4d3c2b1a098765432",
            await workspace.Repo.MessageAsync()
        );
    }

    [Fact]
    public async Task Several_environments_go_in_one_commit()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "web",
            "--env",
            "test",
            "--also-env",
            "stage",
            "--image",
            BumpWorkspace.Image("abc1234")
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("web(test,stage): image abc1234", await workspace.Repo.MessageAsync());
        Assert.Contains(
            "abc1234",
            await workspace.Repo.ShowAsync("helmfile/values/apps/web/test.yaml")
        );
        Assert.Contains("abc1234", await workspace.Repo.ShowAsync(WebStage));
        Assert.Equal(2, (await workspace.Repo.SubjectsAsync()).Count);
    }

    [Fact]
    public async Task Promotion_copies_the_image_stage_runs_into_prod()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        await workspace.BumpAsync(
            "--app",
            "web",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("5e5e5e5")
        );

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "web",
            "--promote-from",
            "stage",
            "--env",
            "prod",
            "--via",
            "commit"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        var prod = await workspace.Repo.ShowAsync("helmfile/values/apps/web/prod.yaml");
        Assert.Contains("tag: \"5e5e5e5\"", prod);
        Assert.Contains(BumpWorkspace.Digest2, prod);
        Assert.Contains("promoted from stage", await workspace.Repo.MessageAsync());
    }

    [Fact]
    public async Task Tag_only_drops_the_digest_so_the_old_one_cannot_pin_the_old_image()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "web",
            "--env",
            "stage",
            "--tag-only",
            "--image",
            $"{BumpWorkspace.Repository}:7a7a7a7"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        var stage = await workspace.Repo.ShowAsync(WebStage);
        Assert.Contains("tag: \"7a7a7a7\"", stage);
        Assert.DoesNotContain("digest:", stage);
    }

    [Fact]
    public async Task A_dry_run_prints_the_diff_and_the_commit_and_pushes_nothing()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "web",
            "--env",
            "stage",
            "--dry-run",
            "--image",
            BumpWorkspace.Image("1a2b3c4")
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"--- a/{WebStage}", result.Output);
        Assert.Contains("+  tag: \"1a2b3c4\"", result.Output);
        Assert.Contains("would commit to main", result.Output);
        Assert.Single(await workspace.Repo.SubjectsAsync());
    }

    [Theory]
    [InlineData("--app", "wbe", "Unknown app 'wbe'", "Did you mean 'web'?")]
    [InlineData("--env", "stag", "'stag'", "stage")]
    public async Task An_unknown_app_or_environment_exits_2_with_the_choices(
        string flag,
        string value,
        string what,
        string choice
    )
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        var args = new List<string>
        {
            "--app",
            "web",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("1a2b3c4"),
        };
        args[args.IndexOf(flag) + 1] = value;

        // Act
        var result = await workspace.BumpAsync([.. args]);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(what, result.AllOutput);
        Assert.Contains(choice, result.AllOutput);
        Assert.Single(await workspace.Repo.SubjectsAsync());
    }

    [Fact]
    public async Task Broken_yaml_in_the_values_file_names_the_file_and_line_and_pushes_nothing()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync(
            new Dictionary<string, string>
            {
                ["helmfile/values/apps/api/stage.yaml"] = "image:\n  tag: \"v1\n  digest: x\n",
            }
        );

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "api",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("1a2b3c4")
        );

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("helmfile/values/apps/api/stage.yaml", result.AllOutput);
        Assert.Matches(@"stage\.yaml:\d+", result.AllOutput);
        Assert.Single(await workspace.Repo.SubjectsAsync());
    }

    [Fact]
    public async Task A_malformed_image_reference_is_a_usage_error_showing_the_format()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            "web",
            "--env",
            "stage",
            "--image",
            "web@sha256:nothex"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("repository:tag@sha256:", result.AllOutput);
    }

    [Fact]
    public async Task No_image_json_and_no_image_says_to_run_PushImage_first()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpAsync("--app", "web", "--env", "stage");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run PushImage first", result.AllOutput);
    }
}
