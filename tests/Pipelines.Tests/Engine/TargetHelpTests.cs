using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

/// <summary>Two components, one extending the other, as ISync extends IHelmfileRender.</summary>
internal interface IRenderComponent : IPipelineBuild
{
    [Parameter("Environment to render")]
    string? Stage => TryGetValue(() => Stage);

    [Parameter("Compare with the last render only")]
    bool Compare => TryGetValue(() => Compare);

    Target Render =>
        _ =>
            _.Description("Render the manifests")
                .Produces<Artifact>()
                .Executes(() => Results.Put(new Artifact("manifests")));
}

internal interface IRolloutComponent : IRenderComponent
{
    [Parameter("Seconds to wait for the rollout")]
    int Wait => TryGetValue<int?>(() => Wait) ?? 60;

    Target Rollout =>
        _ =>
            _.Description("Roll the rendered manifests out")
                .DependsOn<IRenderComponent>(x => x.Render)
                .Consumes<Artifact>()
                .Requires(() => Stage)
                .Executes(() => Results.Get<Artifact>());
}

internal sealed class RolloutBuild : RecordingBuild, IRolloutComponent
{
    [Parameter("Where to announce")]
    public string? Channel { get; private set; }

    [Parameter("Read by no target")]
    public string? Unrelated { get; private set; }

    public Target Announce =>
        _ =>
            _.Description("Announce the rollout")
                .DependsOn<IRolloutComponent>(x => x.Rollout)
                .Reads(() => Channel)
                .Executes(() => Record(nameof(Announce)));
}

public class TargetHelpTests
{
    [Fact]
    public async Task Help_after_a_target_shows_its_description_dependencies_hand_offs_and_parameters()
    {
        // Arrange
        var build = new RolloutBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Rollout", "--help");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(build.Executed);
        var output = result.Output;
        Assert.StartsWith("Rollout\n  Roll the rendered manifests out\n", output);
        Assert.Contains("Depends on: Render\nRuns: Render -> Rollout\n", output);
        Assert.Contains("Takes: Artifact from Render (needs it in the same run)\n", output);
        // Its own component's parameter and the one it requires come first, then its dependency's others.
        Assert.Matches(
            @"Parameters:\n  --stage <string>\s+Environment to render\n.*\n  --wait <int>\s+Seconds to wait",
            output
        );
        Assert.Matches(
            @"Parameters of its dependency Render:\n  --compare\s+Compare with the last render only",
            output
        );
        Assert.Equal(1, output.Split("--stage").Length - 1);
        Assert.DoesNotContain("--channel", output);
        Assert.DoesNotContain("--unrelated", output);
        Assert.DoesNotContain("--dry-run <", output);
    }

    [Fact]
    public async Task Help_for_a_target_of_the_build_class_shows_what_it_reads_and_what_its_dependencies_read()
    {
        // Arrange
        var build = new RolloutBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "announce", "--help");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Runs: Render -> Rollout -> Announce\n", result.Output);
        Assert.Matches(@"Parameters:\n  --channel <string>\s+Where to announce", result.Output);
        Assert.Contains("Parameters of its dependency Rollout:", result.Output);
        Assert.Contains("--wait <int>", result.Output);
        Assert.Contains("--compare", result.Output);
        Assert.DoesNotContain("--unrelated", result.Output);
    }

    [Fact]
    public async Task Help_after_an_unknown_target_is_a_usage_error_with_a_suggestion()
    {
        // Arrange
        var build = new RolloutBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Rolout", "--help");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Rollout", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task Help_without_a_target_still_lists_every_target_and_the_verbosity_option()
    {
        // Arrange
        var build = new RolloutBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "--help");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^  Announce\s+Announce the rollout$", result.Output);
        Assert.Matches(@"(?m)^  Render\s+Render the manifests$", result.Output);
        Assert.Matches(@"--verbosity <enum>\s+How much to print", result.Output);
        Assert.Contains("values: Quiet, Normal, Verbose", result.Output);
    }
}
