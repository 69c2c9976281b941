using System.Text.RegularExpressions;
using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

public enum DeployStage
{
    Staging,
    Production,
}

/// <summary>A build with descriptions and every kind of edge, for --help, --plan and the schema.</summary>
internal sealed class DocumentedBuild : RecordingBuild
{
    [Parameter("Deployment stage")]
    public DeployStage Stage { get; private set; } = DeployStage.Staging;

    [Parameter("Replica count")]
    public int Replicas { get; private set; } = 3;

    [Secret]
    [Parameter("Registry token")]
    public string? RegistryToken { get; private set; } = "not-a-default-to-show";

    public Target Compile =>
        _ => _.Description("Compile everything").Executes(() => Record(nameof(Compile)));

    Target Test =>
        _ => _.Description("Run the tests").DependsOn(Compile).Executes(() => Record(nameof(Test)));

    Target Lint => _ => _.Description("Check style").Executes(() => Record(nameof(Lint)));

    Target Publish =>
        _ =>
            _.Description("Publish the package")
                .DependsOn(Test)
                .After(Lint)
                .Triggers(Announce)
                .Executes(() => Record(nameof(Publish)));

    Target Announce => _ => _.Executes(() => Record(nameof(Announce)));

    Target Secretive => _ => _.Unlisted().Executes(() => Record(nameof(Secretive)));
}

public class HelpAndPlanTests
{
    [Fact]
    public async Task Help_lists_targets_with_descriptions_dependencies_and_the_default_marked()
    {
        // Arrange
        using var harness = new BuildHarness();
        var build = new DocumentedBuild();

        // Act
        var result = await harness.RunAsync(
            build,
            b => b.Compile,
            CancellationToken.None,
            "--help"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(build.Executed);
        Assert.Matches(@"(?m)^  Compile \*\s+Compile everything$", result.Output);
        Assert.Matches(@"(?m)^  Test\s+Run the tests\n\s+depends on: Compile$", result.Output);
        Assert.DoesNotMatch(@"(?m)^  Test \*", result.Output);
        Assert.DoesNotContain("Secretive", result.Output);
    }

    [Fact]
    public async Task Help_lists_parameters_with_type_values_default_and_environment_variable()
    {
        // Arrange
        var build = new DocumentedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "-h");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(
            @"(?m)^  --stage <enum>\s+Deployment stage\n\s+values: Staging, Production · default: Staging · env: PIPELINES_STAGE$",
            result.Output
        );
        Assert.Matches(
            @"(?m)^  --replicas <int>\s+Replica count\n\s+default: 3 · env: PIPELINES_REPLICAS$",
            result.Output
        );
        Assert.Matches(@"(?m)^\s+env: PIPELINES_REGISTRY_TOKEN · secret$", result.Output);
        Assert.DoesNotContain("not-a-default-to-show", result.Output);
    }

    [Fact]
    public async Task Plan_prints_the_ordered_plan_with_reasons_and_runs_nothing()
    {
        // Arrange
        var build = new DocumentedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(
            build,
            "Publish",
            "Lint",
            "--skip",
            "Test",
            "--plan"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(build.Executed);
        var lines = result
            .Output.Split('\n')
            .Select(l => Regex.Replace(l.Trim(), @"\s+", " "))
            .ToList();
        var plan = lines.SkipWhile(l => !l.StartsWith("Execution plan")).Take(6).ToList();
        Assert.Equal(
            [
                "Execution plan: 3 to run, 2 skipped",
                "-. Compile dependency of Test; skipped: only needed by skipped Test",
                "-. Test dependency of Publish; skipped: --skip",
                "1. Lint invoked",
                "2. Publish invoked",
                "3. Announce triggered by Publish",
            ],
            plan
        );
        Assert.DoesNotContain("Build succeeded", result.Output);
    }

    [Fact]
    public async Task Plan_writes_a_mermaid_graph_with_an_arrow_style_per_kind_of_edge()
    {
        // Arrange
        using var harness = new BuildHarness();
        var build = new DocumentedBuild();

        // Act
        var result = await harness.RunAsync(build, "Publish", "--plan");

        // Assert
        Assert.Equal(0, result.ExitCode);
        var graph = File.ReadAllText(harness.Root / ".nuke" / "temp" / "execution-plan.md");
        Assert.Contains("```mermaid", graph);
        Assert.Contains("  Compile --> Test\n", graph);
        Assert.Contains("  Test --> Publish\n", graph);
        Assert.Contains("  Lint -.-> Publish\n", graph);
        Assert.Contains("  Publish ==> Announce\n", graph);
        Assert.DoesNotContain("Secretive", graph);
        Assert.Contains("Graph: .nuke/temp/execution-plan.md", result.Output);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task Plan_marks_scheduled_skipped_and_idle_targets_in_the_graph()
    {
        // Arrange
        using var harness = new BuildHarness();
        var build = new DocumentedBuild();

        // Act
        await harness.RunAsync(build, "Test", "--skip", "--plan");

        // Assert
        var graph = File.ReadAllText(harness.Root / ".nuke" / "temp" / "execution-plan.md");
        Assert.Contains("Test[\"Test\"]:::scheduled", graph);
        Assert.Contains("Compile[\"Compile\"]:::skipped", graph);
        Assert.Contains("Lint[\"Lint\"]:::idle", graph);
    }

    [Fact]
    public async Task Plan_shows_which_target_hands_what_to_whom()
    {
        // Arrange
        using var harness = new BuildHarness();
        var build = new HandOffBuild();

        // Act
        var result = await harness.RunAsync(build, "Deploy", "Package", "--plan");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Hand-offs:\n  Package -> Deploy: Artifact\n", result.Output);
        var graph = File.ReadAllText(harness.Root / ".nuke" / "temp" / "execution-plan.md");
        Assert.Contains("  Package -.->|Artifact| Deploy\n", graph);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task Plan_says_what_a_consumer_does_when_its_producer_will_not_run()
    {
        // Arrange
        var build = new HandOffBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(
            build,
            "Package",
            "Deploy",
            "Announce",
            "--skip",
            "Package",
            "--plan"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "  Package -> Deploy: Artifact (Package skipped: --skip; Deploy will fail)\n",
            result.Output
        );
        Assert.Contains(
            "  Package -> Announce: Artifact (Package skipped: --skip; without it: announces the last released artifact)\n",
            result.Output
        );
    }

    [Fact]
    public async Task Plan_without_hand_offs_prints_no_hand_off_section()
    {
        // Arrange
        var build = new DocumentedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Publish", "--plan");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Hand-offs:", result.Output);
    }
}
