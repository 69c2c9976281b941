using System.Text.RegularExpressions;

namespace Pipelines.Tests.Bootstrap;

/// <summary>End to end: ./build.sh against a copy of the repository, with the real dotnet.</summary>
public sealed class BuildScriptTests(BootstrapFixture fixture) : IClassFixture<BootstrapFixture>
{
    [Fact]
    public void Help_on_a_cold_copy_compiles_the_build_then_lists_targets_and_parameters()
    {
        // Arrange
        var result = fixture.ColdHelp;

        // Act
        var output = result.StandardOutput;

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains(BootstrapFixture.CompilingMessage, result.StandardError);
        Assert.Contains("Usage: ./build.sh", output);
        Assert.Matches(new Regex(@"^\s+Compile \*\s", RegexOptions.Multiline), output);
        foreach (var target in new[] { "Test", "Pack", "GenerateSchema", "Benchmark" })
        {
            Assert.Matches(new Regex($@"^\s+{target}\s", RegexOptions.Multiline), output);
        }
        Assert.Contains("--test-filter <string>", output);
        Assert.Contains("--dry-run", output);
        Assert.Contains("--plan", output);
        Assert.Contains("env: PIPELINES_TEST_FILTER", output);
    }

    [Fact]
    public async Task A_warm_second_run_does_not_compile_again()
    {
        // Arrange
        var compiledAt = File.GetLastWriteTimeUtc(fixture.Copy.CompiledBuild);

        // Act
        var result = await fixture.RunAsync("--help");

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.DoesNotContain(BootstrapFixture.CompilingMessage, result.StandardError);
        Assert.Contains("Usage: ./build.sh", result.StandardOutput);
        Assert.Equal(compiledAt, File.GetLastWriteTimeUtc(fixture.Copy.CompiledBuild));
    }

    [Fact]
    public async Task Running_the_script_from_a_subfolder_finds_the_repository_root()
    {
        // Arrange
        var subfolder = Path.Combine(fixture.Copy.Path, "pipelines");

        // Act
        var result = await ChildProcess.RunAsync("bash", ["-c", "../build.sh --help"], subfolder);

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("Usage: ./build.sh", result.StandardOutput);
        Assert.DoesNotContain(BootstrapFixture.CompilingMessage, result.StandardError);
    }

    [Fact]
    public async Task An_unknown_target_exits_2_and_lists_the_available_targets()
    {
        // Arrange
        const string target = "NoSuchTarget";

        // Act
        var result = await fixture.RunAsync(target);

        // Assert
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains("Unknown target 'NoSuchTarget'", result.StandardError);
        Assert.Contains(
            "Available targets: Compile, Test, Pack, GenerateSchema, Benchmark",
            result.StandardError
        );
    }

    [Fact]
    public async Task A_misspelled_target_suggests_the_closest_one()
    {
        // Arrange
        const string target = "Complie";

        // Act
        var result = await fixture.RunAsync(target);

        // Assert
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains("Did you mean 'Compile'?", result.StandardError);
    }

    [Fact]
    public async Task A_misspelled_parameter_exits_2_and_suggests_the_closest_one()
    {
        // Arrange
        const string parameter = "--dry-rnu";

        // Act
        var result = await fixture.RunAsync(parameter);

        // Assert
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains("Unknown parameter '--dry-rnu'", result.StandardError);
        Assert.Contains("Did you mean '--dry-run'?", result.StandardError);
    }

    [Fact]
    public async Task A_bad_value_in_a_PIPELINES_environment_variable_is_reported_with_its_source()
    {
        // Arrange
        var environment = new Dictionary<string, string?> { ["PIPELINES_BENCHMARK_RUNS"] = "many" };

        // Act
        var result = await fixture.RunWithEnvironmentAsync(environment, "--plan", "Compile");

        // Assert
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains("'many'", result.StandardError);
        Assert.Contains("PIPELINES_BENCHMARK_RUNS", result.StandardError);
    }

    [Fact]
    public async Task Plan_prints_why_each_target_runs_and_writes_a_mermaid_graph()
    {
        // Arrange
        var planFile = Path.Combine(fixture.Copy.TempDirectory, "execution-plan.md");
        File.Delete(planFile);

        // Act
        var result = await fixture.RunAsync("--plan", "Test");

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(
            new Regex(@"1\. Compile\s+dependency of Test", RegexOptions.Multiline),
            result.StandardOutput
        );
        Assert.Matches(
            new Regex(@"2\. Test\s+invoked", RegexOptions.Multiline),
            result.StandardOutput
        );
        Assert.True(File.Exists(planFile), $"{planFile} was not written.\n{result.Describe()}");
        var graph = await File.ReadAllTextAsync(planFile);
        Assert.Contains("```mermaid", graph);
        Assert.Contains("Compile --> Test", graph);
        Assert.DoesNotContain("═══", result.StandardOutput); // planned, not run
    }

    [Fact]
    public async Task Changing_a_source_of_the_build_makes_the_next_run_compile_again()
    {
        // Arrange
        var source = Path.Combine(fixture.Copy.Path, "build", "Build.cs");
        await File.AppendAllTextAsync(source, $"\n// changed by a test at {Guid.NewGuid()}\n");

        // Act
        var changed = await fixture.RunAsync("--help");
        var after = await fixture.RunAsync("--help");

        // Assert
        Assert.True(changed.ExitCode == 0, changed.Describe());
        Assert.Contains(BootstrapFixture.CompilingMessage, changed.StandardError);
        Assert.True(after.ExitCode == 0, after.Describe());
        Assert.DoesNotContain(BootstrapFixture.CompilingMessage, after.StandardError);
    }
}
