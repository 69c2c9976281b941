using System.Text.RegularExpressions;
using Pipelines.Tests.Bootstrap;

namespace Pipelines.Tests.Packaging;

/// <summary>End to end: a build in another repository that gets the engine from the NuGet package.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ConsumerBuildTests(ConsumerFixture fixture) : IClassFixture<ConsumerFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [Fact]
    public void The_package_carries_the_engine_under_its_package_id()
    {
        // Arrange
        var restored = Path.Combine(fixture.Root, "packages", "pipelines", fixture.Version);

        // Act
        var libraries = Directory.GetFiles(restored, "Pipelines.dll", SearchOption.AllDirectories);

        // Assert
        Assert.True(File.Exists(Path.Combine(fixture.Feed, $"Pipelines.{fixture.Version}.nupkg")));
        Assert.Single(libraries);
        Assert.Contains(Path.Combine("lib", "net10.0"), libraries[0]);
    }

    [Fact]
    public async Task The_consumer_runs_a_target_of_its_own()
    {
        // Arrange
        const string target = "Hello";

        // Act
        var result = await fixture.RunAsync(target);

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("hello from consumer", result.StandardOutput);
        Assert.Matches(
            new Regex(@"^Hello\s+Succeeded", RegexOptions.Multiline),
            result.StandardOutput
        );
    }

    [Fact]
    public async Task The_consumer_runs_its_default_target_when_none_is_named()
    {
        // Arrange
        string[] noArguments = [];

        // Act
        var result = await fixture.RunAsync(noArguments);

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("hello from consumer", result.StandardOutput);
    }

    [Fact]
    public async Task A_component_target_runs_with_its_parameter_from_the_command_line()
    {
        // Arrange
        string[] arguments = ["Greet", "--greeted", "world"];

        // Act
        var result = await fixture.RunAsync(arguments);

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("greetings, world", result.StandardOutput);
        Assert.Matches(
            new Regex(@"^Greet\s+Succeeded", RegexOptions.Multiline),
            result.StandardOutput
        );
    }

    [Fact]
    public async Task A_component_parameter_falls_back_to_its_default_when_not_given()
    {
        // Arrange
        const string target = "Greet";

        // Act
        var result = await fixture.RunAsync(target);

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("greetings, nobody", result.StandardOutput);
    }

    [Fact]
    public async Task Help_lists_the_component_target_and_parameter()
    {
        // Arrange
        const string help = "--help";

        // Act
        var result = await fixture.RunAsync(help);

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(new Regex(@"^\s+Hello \*", RegexOptions.Multiline), result.StandardOutput);
        Assert.Matches(
            new Regex(@"^\s+Greet\s+Greets --greeted", RegexOptions.Multiline),
            result.StandardOutput
        );
        Assert.Contains("--greeted <string>", result.StandardOutput);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_aborts_the_running_target_and_the_build_exits_130(string signal)
    {
        // Arrange
        using var child = fixture.Start("Wait");
        var started = await child.WaitForOutputAsync("═══ Wait", Generous);
        Assert.True(started, "The Wait target never started:\n" + child.StandardOutput);

        // Act
        var kill = await ChildProcess.RunAsync(
            "kill",
            [$"-{signal}", child.Id.ToString()],
            fixture.Root
        );
        var result = await child.WaitAsync(Generous);

        // Assert
        Assert.True(kill.ExitCode == 0, kill.Describe());
        Assert.True(result.ExitCode == 130, result.Describe());
        Assert.Matches(
            new Regex(@"^Wait\s+Aborted", RegexOptions.Multiline),
            result.StandardOutput
        );
        Assert.Contains("Build cancelled", result.StandardOutput);
    }
}
