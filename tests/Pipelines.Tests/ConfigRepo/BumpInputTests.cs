namespace Pipelines.Tests.ConfigRepo;

/// <summary>
/// What BumpK8sConfig refuses before anything reaches git or a values file: image references with whitespace or
/// control characters, an --app that is not a plain name, a --config-repo git could take as an option or a
/// command-running transport. End to end, with a real bare config repo and real git.
/// </summary>
public sealed class BumpInputTests
{
    private const string Digest = BumpWorkspace.Digest2;

    [Theory]
    [InlineData("r.example/x\r:1@" + Digest, "a control character (U+000D) at position 12")]
    [InlineData("r.example/x:1\n@" + Digest, "a control character (U+000A) at position 14")]
    [InlineData("r.example/x:1\t@" + Digest, "a control character (U+0009) at position 14")]
    [InlineData("r.example/x :1@" + Digest, "whitespace (U+0020) at position 12")]
    [InlineData("r.example/x:1@" + Digest + "\u2028", "whitespace (U+2028)")]
    public async Task An_image_reference_with_whitespace_or_control_characters_exits_2_and_changes_nothing(
        string image,
        string why
    )
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpAsync("--app", "web", "--env", "stage", "--image", image);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(why, result.AllOutput);
        Assert.DoesNotContain("\r", result.AllOutput);
        Assert.Single(await workspace.Repo.SubjectsAsync());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData(".")]
    [InlineData("we b")]
    public async Task An_app_that_is_not_a_plain_name_exits_2_and_changes_nothing(string app)
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();
        var environmentValues = await workspace.Repo.ShowAsync("helmfile/values/stage.yaml");

        // Act
        var result = await workspace.BumpAsync(
            "--app",
            app,
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("1a2b3c4")
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a plain app name", result.AllOutput);
        Assert.Equal(
            environmentValues,
            await workspace.Repo.ShowAsync("helmfile/values/stage.yaml")
        );
        Assert.Single(await workspace.Repo.SubjectsAsync());
    }

    [Theory]
    [InlineData("-uupload-pack=touch /tmp/pipelines-pwned", "starts with '-'")]
    [InlineData("-c", "starts with '-'")]
    [InlineData("ext::sh -c touch% /tmp/pipelines-pwned", "no such directory")]
    [InlineData("ext::sh -c touch% /tmp/pipelines-pwned@x", "no such directory")]
    [InlineData("http://git.example/config.git", "the scheme 'http' is not allowed")]
    [InlineData("fd::3", "no such directory")]
    [InlineData("git@host:-oProxyCommand=x", "no such directory")]
    public async Task A_config_repo_that_git_could_take_as_an_option_or_a_command_exits_2(
        string configRepo,
        string why
    )
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpFromAsync(
            configRepo,
            "--app",
            "web",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("1a2b3c4")
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--config-repo", result.AllOutput);
        Assert.Contains(why, result.AllOutput);
        Assert.False(File.Exists("/tmp/pipelines-pwned"));
    }

    [Fact]
    public async Task A_file_url_config_repo_is_cloned_and_bumped()
    {
        // Arrange
        using var workspace = await BumpWorkspace.CreateAsync();

        // Act
        var result = await workspace.BumpFromAsync(
            new Uri(workspace.Repo.Path).AbsoluteUri,
            "--app",
            "web",
            "--env",
            "stage",
            "--image",
            BumpWorkspace.Image("1a2b3c4")
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, (await workspace.Repo.SubjectsAsync()).Count);
    }
}
