using Pipelines.Tools;

namespace Pipelines.Tests.Tools;

/// <summary>ToolCommand's command line is what a POSIX shell would run: checked by text and by a real bash.</summary>
public sealed class ToolCommandTests
{
    [Fact]
    public void Plain_arguments_are_left_unquoted()
    {
        // Arrange
        var command = ToolCommand
            .For("helm")
            .WithArguments(
                "upgrade",
                "--install",
                "app",
                "./charts/app",
                "--set",
                "image.tag=1.2.3"
            );

        // Act
        var commandLine = command.CommandLine;

        // Assert
        Assert.Equal("helm upgrade --install app ./charts/app --set image.tag=1.2.3", commandLine);
    }

    [Fact]
    public void Arguments_with_spaces_quotes_or_nothing_are_single_quoted()
    {
        // Arrange
        var command = ToolCommand.For("echo").WithArguments("two words", "it's", "say \"hi\"", "");

        // Act
        var commandLine = command.CommandLine;

        // Assert
        Assert.Equal("echo 'two words' 'it'\\''s' 'say \"hi\"' ''", commandLine);
    }

    [Fact]
    public void Shell_metacharacters_are_quoted()
    {
        // Arrange
        var command = ToolCommand
            .For("echo")
            .WithArguments("$HOME", "a;b", "*", "`id`", "x|y", "~");

        // Act
        var commandLine = command.CommandLine;

        // Assert
        Assert.Equal("echo '$HOME' 'a;b' '*' '`id`' 'x|y' '~'", commandLine);
    }

    [Fact]
    public async Task A_posix_shell_reads_the_command_line_back_as_the_original_arguments()
    {
        // Arrange
        string[] arguments =
        [
            "plain",
            "two words",
            "it's",
            "say \"hi\"",
            "",
            "$HOME and $(id)",
            "back\\slash",
            "new\nline",
            "*",
            "tab\there",
            "ünïcode",
        ];
        var printed = ToolCommand.For("printf").WithArguments(["<%s>\\n", .. arguments]);

        // Act
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand.For("sh").WithArguments("-c", printed.CommandLine),
            ToolOutput.Capture
        );

        // Assert
        var expected = string.Concat(arguments.Select(a => $"<{a}>\n"));
        Assert.Equal(expected, result.StandardOutput.Replace("\r\n", "\n"));
    }

    [Fact]
    public void With_methods_return_new_commands_and_leave_the_original_unchanged()
    {
        // Arrange
        var original = ToolCommand.For("git").WithArguments("status");

        // Act
        var changed = original
            .WithArguments("--short")
            .WithWorkingDirectory("/tmp")
            .WithEnvironment("GIT_PAGER", "cat");

        // Assert
        Assert.Equal("git status", original.CommandLine);
        Assert.Null(original.WorkingDirectory);
        Assert.Empty(original.Environment);
        Assert.Equal("git status --short", changed.CommandLine);
        Assert.Equal("/tmp", changed.WorkingDirectory);
        Assert.Equal("cat", changed.Environment["GIT_PAGER"]);
    }
}
