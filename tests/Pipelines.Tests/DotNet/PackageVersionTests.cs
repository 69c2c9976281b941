using Pipelines.DotNet;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;

namespace Pipelines.Tests.DotNet;

/// <summary>Pack's version from a real git repository: a v* tag on HEAD, else a dev version that rises per commit.</summary>
public sealed class PackageVersionTests : IDisposable
{
    private readonly string _repository = Directory
        .CreateTempSubdirectory("pipelines-version-")
        .FullName;

    [Fact]
    public async Task A_version_tag_on_HEAD_is_the_version()
    {
        // Arrange
        await CommitsAsync(2);
        await GitAsync("tag", "v1.4.0-rc.1");

        // Act
        var version = await PackageVersion.ReadAsync(_repository, default);

        // Assert
        Assert.Equal("1.4.0-rc.1", version);
    }

    [Fact]
    public async Task A_commit_without_a_tag_is_a_dev_version_of_its_height_and_sha()
    {
        // Arrange
        await CommitsAsync(3);
        var sha = await GitAsync("rev-parse", "--short", "HEAD");

        // Act
        var version = await PackageVersion.ReadAsync(_repository, default);

        // Assert
        Assert.Equal($"0.0.0-dev.3+{sha}", version);
    }

    [Fact]
    public async Task A_tag_that_is_not_a_semantic_version_is_a_usage_error_naming_it()
    {
        // Arrange
        await CommitsAsync(1);
        await GitAsync("tag", "v1.4");

        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() =>
            PackageVersion.ReadAsync(_repository, default)
        );

        // Assert
        Assert.Contains("HEAD's tag v1.4 is not v<major>.<minor>.<patch>", error.Message);
    }

    private async Task CommitsAsync(int count)
    {
        await GitAsync("init", "--quiet");
        for (var i = 0; i < count; i++)
        {
            await GitAsync("commit", "--quiet", "--allow-empty", "-m", $"commit {i}");
        }
    }

    private async Task<string> GitAsync(params string[] arguments)
    {
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand
                .For("git")
                .WithArguments("-c", "user.name=Tests", "-c", "user.email=tests@example.com")
                .WithArguments(arguments)
                .WithWorkingDirectory(_repository),
            ToolOutput.Capture
        );
        return result.StandardOutput.Trim();
    }

    public void Dispose() => Directory.Delete(_repository, recursive: true);
}
