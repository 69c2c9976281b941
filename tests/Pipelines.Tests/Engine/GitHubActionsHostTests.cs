using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tests.Engine;

public class GitHubActionsHostTests
{
    private sealed class CiBuild : RecordingBuild
    {
        Target Compile => _ => _.Executes(() => Log.Info("compiling"));

        Target Test => _ => _.DependsOn(Compile).Executes(() => Report("tests", "12 passed"));

        Target Validate =>
            _ =>
                _.Executes(() =>
                    throw new SourceLocatedException(
                        "image tag missing",
                        "helmfile/values.yaml",
                        12
                    )
                );

        Target Explode =>
            _ => _.Executes(() => throw new InvalidOperationException("first\nsecond 100%"));
    }

    private static BuildHarness GitHubHarness()
    {
        var harness = new BuildHarness();
        harness.Environment["GITHUB_ACTIONS"] = "true";
        return harness;
    }

    [Fact]
    public async Task Each_target_runs_inside_its_own_group()
    {
        // Arrange
        using var harness = GitHubHarness();
        var build = new CiBuild();

        // Act
        var result = await harness.RunAsync(build, "Test");

        // Assert
        Assert.Equal(0, result.ExitCode);
        var protocol = result
            .Output.Split('\n')
            .Where(l => l.StartsWith("::", StringComparison.Ordinal) || l == "compiling")
            .ToList();
        Assert.Equal(
            ["::group::Compile", "compiling", "::endgroup::", "::group::Test", "::endgroup::"],
            protocol
        );
    }

    [Fact]
    public async Task A_source_located_failure_becomes_an_error_annotation_on_that_line()
    {
        // Arrange
        using var harness = GitHubHarness();
        var build = new CiBuild();

        // Act
        var result = await harness.RunAsync(build, "Validate");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "::error file=helmfile/values.yaml,line=12::image tag missing\n",
            result.Output
        );
    }

    [Fact]
    public async Task A_multi_line_error_stays_one_annotation()
    {
        // Arrange
        using var harness = GitHubHarness();
        var build = new CiBuild();

        // Act
        var result = await harness.RunAsync(build, "Explode");

        // Assert
        Assert.Equal(1, result.ExitCode);
        var annotation = result.Output.Split('\n').Single(l => l.StartsWith("::error"));
        Assert.StartsWith(
            "::error::System.InvalidOperationException: first%0Asecond 100%25",
            annotation
        );
    }

    [Fact]
    public async Task The_summary_is_appended_as_markdown_to_the_step_summary_file()
    {
        // Arrange
        using var harness = GitHubHarness();
        var summary = harness.Root / "step-summary.md";
        File.WriteAllText(summary, "# Earlier step\n");
        harness.Environment["GITHUB_STEP_SUMMARY"] = summary;
        var build = new CiBuild();

        // Act
        var result = await harness.RunAsync(build, "Test");

        // Assert
        Assert.Equal(0, result.ExitCode);
        var markdown = File.ReadAllText(summary);
        Assert.StartsWith(
            "# Earlier step\n| Target | Status | Duration | Note |\n|---|---|---:|---|\n",
            markdown
        );
        Assert.Matches(@"(?m)^\| Compile \| Succeeded \| [^|]+ \|  \|$", markdown);
        Assert.Matches(@"(?m)^\| Test \| Succeeded \| [^|]+ \| tests: 12 passed \|$", markdown);
        Assert.Contains("| **Total** |", markdown);
    }

    [Fact]
    public async Task Without_GitHub_Actions_there_are_no_workflow_commands()
    {
        // Arrange
        using var harness = new BuildHarness();
        var build = new CiBuild();

        // Act
        var result = await harness.RunAsync(build, "Validate");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("::", result.AllOutput);
        Assert.Contains("error: helmfile/values.yaml:12: image tag missing", result.Error);
    }
}
