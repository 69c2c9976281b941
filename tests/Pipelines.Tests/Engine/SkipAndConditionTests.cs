using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

public class SkipAndConditionTests
{
    /// <summary>Deploy needs Push (which needs Image, which needs Compile) and Lint; Stats needs Compile.</summary>
    private sealed class DeployBuild(bool deployAllowed = true, bool keepDeps = false)
        : RecordingBuild
    {
        Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        Target Image => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Image)));

        Target Push => _ => _.DependsOn(Image).Executes(() => Record(nameof(Push)));

        Target Lint => _ => _.Executes(() => Record(nameof(Lint)));

        Target Deploy =>
            _ =>
                _.DependsOn(Push, Lint)
                    .OnlyWhenStatic(() => deployAllowed)
                    .WhenSkipped(keepDeps ? DependencyBehavior.Execute : DependencyBehavior.Skip)
                    .Executes(() => Record(nameof(Deploy)));

        Target Stats => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Stats)));

        Target All => _ => _.DependsOn(Deploy, Stats).Executes(() => Record(nameof(All)));
    }

    private sealed class DynamicBuild : RecordingBuild
    {
        bool _changed;

        Target Detect => _ => _.Executes(() => _changed = true);

        Target Rebuild =>
            _ =>
                _.DependsOn(Detect)
                    .OnlyWhenDynamic(() => _changed)
                    .Executes(() => Record(nameof(Rebuild)));

        Target RebuildStatic =>
            _ =>
                _.DependsOn(Detect)
                    .OnlyWhenStatic(() => _changed)
                    .Executes(() => Record(nameof(RebuildStatic)));

        Target Never =>
            _ => _.OnlyWhenDynamic(() => _changed).Executes(() => Record(nameof(Never)));

        Target AfterNever => _ => _.DependsOn(Never).Executes(() => Record(nameof(AfterNever)));
    }

    [Fact]
    public async Task A_bare_skip_skips_every_target_that_was_not_invoked()
    {
        // Arrange
        var build = new DeployBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Deploy", "--skip");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Deploy"], build.Executed);
        Assert.Equal(TargetStatus.Skipped, result.StatusOf("Compile"));
        Assert.Equal("--skip", result.NoteOf("Push"));
    }

    [Fact]
    public async Task Skipping_a_target_by_name_skips_the_dependencies_only_it_needed()
    {
        // Arrange
        var build = new DeployBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "All", "--skip", "Push");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Compile", "Lint", "Deploy", "Stats", "All"], build.Executed);
        Assert.Equal(TargetStatus.Skipped, result.StatusOf("Image"));
        Assert.Equal("only needed by skipped Push", result.NoteOf("Image"));
        Assert.Equal(TargetStatus.Succeeded, result.StatusOf("Compile"));
    }

    [Fact]
    public async Task Skipping_by_name_cascades_down_a_chain_of_exclusive_dependencies()
    {
        // Arrange
        var build = new DeployBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Deploy", "--skip", "push");

        // Assert
        Assert.Equal(["Lint", "Deploy"], build.Executed);
        Assert.Equal("only needed by skipped Image", result.NoteOf("Compile"));
    }

    [Fact]
    public async Task Skipping_a_target_that_is_not_scheduled_is_a_usage_error()
    {
        // Arrange
        var build = new DeployBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Lint", "--skip", "Push");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("only scheduled targets can be skipped", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task A_false_static_condition_skips_the_target_and_its_exclusive_dependencies()
    {
        // Arrange
        var build = new DeployBuild(deployAllowed: false);

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "All");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Compile", "Stats", "All"], build.Executed);
        Assert.Equal("condition false: deployAllowed", result.NoteOf("Deploy"));
        Assert.Equal(TargetStatus.Skipped, result.StatusOf("Push"));
        Assert.Equal(TargetStatus.Skipped, result.StatusOf("Lint"));
    }

    [Fact]
    public async Task WhenSkipped_Execute_keeps_the_dependencies_of_a_skipped_target_running()
    {
        // Arrange
        var build = new DeployBuild(deployAllowed: false, keepDeps: true);

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Deploy");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Compile", "Image", "Push", "Lint"], build.Executed);
        Assert.Equal(TargetStatus.Skipped, result.StatusOf("Deploy"));
    }

    [Fact]
    public async Task A_dynamic_condition_is_evaluated_just_before_the_target_runs()
    {
        // Arrange
        var dynamic = new DynamicBuild();
        var @static = new DynamicBuild();

        // Act
        var dynamicResult = await BuildHarness.RunOnceAsync(dynamic, "Rebuild");
        var staticResult = await BuildHarness.RunOnceAsync(@static, "RebuildStatic");

        // Assert
        Assert.Equal(0, dynamicResult.ExitCode);
        Assert.Equal(["Rebuild"], dynamic.Executed);
        Assert.Equal(TargetStatus.Skipped, staticResult.StatusOf("RebuildStatic"));
        Assert.Empty(@static.Executed);
    }

    [Fact]
    public async Task A_false_dynamic_condition_skips_only_that_target()
    {
        // Arrange
        var build = new DynamicBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "AfterNever");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["AfterNever"], build.Executed);
        Assert.Equal(TargetStatus.Skipped, result.StatusOf("Never"));
        Assert.Equal("condition false: _changed", result.NoteOf("Never"));
    }
}
