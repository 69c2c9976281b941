using Pipelines.Tools;

namespace Pipelines.Tests.Tools;

/// <summary>The tool runner against real processes (bash, pwd, a missing executable).</summary>
public sealed class ToolRunnerTests
{
    private static Task<ToolResult> Run(ToolCommand command) =>
        ToolRunner.Default.RunAsync(command, ToolOutput.Capture);

    [Fact]
    public async Task A_successful_command_returns_its_standard_output_and_exit_code_0()
    {
        // Arrange
        var command = ToolCommand.For("bash").WithArguments("-c", "echo first; echo second");

        // Act
        var result = await Run(command);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["first", "second"],
            result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        );
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task A_failing_command_throws_with_its_command_line_exit_code_and_error_output()
    {
        // Arrange
        var command = ToolCommand.For("bash").WithArguments("-c", "echo oops >&2; exit 3");

        // Act
        var exception = await Assert.ThrowsAsync<ToolException>(() => Run(command));

        // Assert
        Assert.Equal(3, exception.ExitCode);
        Assert.Equal("bash -c 'echo oops >&2; exit 3'", exception.CommandLine);
        Assert.Contains("bash -c 'echo oops >&2; exit 3'", exception.Message);
        Assert.Contains("exited with code 3", exception.Message);
        Assert.Contains("oops", exception.Message);
    }

    [Fact]
    public async Task A_failing_command_that_reports_on_stdout_only_shows_that_output()
    {
        // Arrange
        var command = ToolCommand.For("bash").WithArguments("-c", "echo 'went wrong here'; exit 1");

        // Act
        var exception = await Assert.ThrowsAsync<ToolException>(() => Run(command));

        // Assert
        Assert.Equal(1, exception.ExitCode);
        Assert.Contains("went wrong here", exception.Detail);
    }

    [Fact]
    public async Task A_missing_executable_throws_a_tool_exception_that_names_it()
    {
        // Arrange
        var command = ToolCommand.For("no-such-tool-7f3a").WithArguments("--version");

        // Act
        var exception = await Assert.ThrowsAsync<ToolException>(() => Run(command));

        // Assert
        Assert.Null(exception.ExitCode);
        Assert.Contains("'no-such-tool-7f3a' could not be started", exception.Message);
        Assert.Contains("PATH", exception.Message);
    }

    [Fact]
    public async Task The_working_directory_is_honoured()
    {
        // Arrange
        var directory = Bootstrap.RepositoryCopy.NewTemporaryDirectory("tools");
        try
        {
            var command = ToolCommand.For("pwd").WithWorkingDirectory(directory);

            // Act
            var result = await Run(command);

            // Assert
            Assert.Equal(directory, result.StandardOutput.Trim());
        }
        finally
        {
            Bootstrap.RepositoryCopy.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Environment_variables_are_set_for_the_child_and_a_null_value_removes_one()
    {
        // Arrange
        var inherited = $"PIPELINES_TOOLS_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(inherited, "from the test host");
        var command = ToolCommand
            .For("bash")
            .WithArguments("-c", $"printf '%s|%s' \"$GREETING\" \"${{{inherited}-unset}}\"")
            .WithEnvironment("GREETING", "hello world")
            .WithEnvironment(inherited, null);

        // Act
        var result = await Run(command);
        Environment.SetEnvironmentVariable(inherited, null);

        // Assert
        Assert.Equal("hello world|unset", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Without_an_override_the_child_inherits_the_environment()
    {
        // Arrange
        var inherited = $"PIPELINES_TOOLS_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(inherited, "from the test host");
        var command = ToolCommand.For("bash").WithArguments("-c", $"printf '%s' \"${inherited}\"");

        // Act
        var result = await Run(command);
        Environment.SetEnvironmentVariable(inherited, null);

        // Assert
        Assert.Equal("from the test host", result.StandardOutput.TrimEnd('\n'));
    }

    [Fact]
    public async Task Cancelling_stops_a_running_command()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        var command = ToolCommand.For("sleep").WithArguments("600");

        // Act
        var run = ToolRunner.Default.RunAsync(command, ToolOutput.Capture, cancellation.Token);
        cancellation.Cancel();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
