using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

/// <summary>Which targets a run starts from: the default, names as typed, A+B, and unknown names.</summary>
public class TargetSelectionTests
{
    [Fact]
    public async Task The_default_target_runs_when_no_target_is_named()
    {
        // Arrange
        var build = new GraphBuild();
        using var harness = new BuildHarness();

        // Act
        var result = await harness.RunAsync(build, b => b.Restore, CancellationToken.None);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore"], build.Executed);
    }

    [Fact]
    public async Task No_target_and_no_default_is_a_usage_error_listing_the_targets()
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("BuildImage", result.Error);
        Assert.Empty(build.Executed);
    }

    [Theory]
    [InlineData("build-image")]
    [InlineData("BUILDIMAGE")]
    [InlineData("build_image")]
    public async Task Target_names_match_ignoring_case_dashes_and_underscores(string typed)
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, typed);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["BuildImage"], build.Executed);
    }

    [Theory]
    [InlineData("--target", "Restore+BuildImage")]
    [InlineData("Restore+BuildImage", null)]
    public async Task Several_targets_can_be_joined_with_a_plus(string first, string? second)
    {
        // Arrange
        var build = new GraphBuild();
        string[] args = second is null ? [first] : [first, second];

        // Act
        var result = await BuildHarness.RunOnceAsync(build, args);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "BuildImage"], build.Executed);
    }

    [Fact]
    public async Task An_unknown_target_is_a_usage_error_with_a_suggestion()
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "BuildImag");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown target 'BuildImag'", result.Error);
        Assert.Contains("Did you mean 'BuildImage'?", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task An_unlisted_target_can_still_be_invoked_by_name()
    {
        // Arrange
        var build = new DocumentedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "secretive");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Secretive"], build.Executed);
    }

    [Fact]
    public async Task Unlisted_targets_are_not_offered_as_available_targets()
    {
        // Arrange
        var build = new DocumentedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Nonexistent");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Available targets: Compile, Test, Lint, Publish, Announce.", result.Error);
    }
}
