namespace Pipelines.Tools.Git;

/// <summary>
/// git in one working tree, through the tool runner. Output is captured, never streamed: a push's stderr is read to
/// tell a lost race from a real failure. Credentials, when any, travel in the environment, never in arguments.
/// </summary>
internal sealed class GitCli(string workTree, GitCredentials? credentials = null)
{
    public string WorkTree { get; } = workTree;

    public async Task<string> RunAsync(CancellationToken ct, params string[] arguments)
    {
        var result = await TryRunAsync(ct, arguments);
        if (result.ExitCode != 0)
        {
            throw Failure(arguments, result);
        }
        return result.StandardOutput.Trim();
    }

    /// <summary>Runs git and returns the result whatever the exit code.</summary>
    public Task<ToolResult> TryRunAsync(CancellationToken ct, params string[] arguments) =>
        ToolRunner.Default.RunUncheckedAsync(Command(arguments), ToolOutput.Capture, ct);

    public ToolCommand Command(IEnumerable<string> arguments)
    {
        var command = ToolCommand
            .For("git")
            .WithArguments(arguments)
            .WithWorkingDirectory(WorkTree)
            // Never ask on a terminal: a CI job would hang until its timeout.
            .WithEnvironment("GIT_TERMINAL_PROMPT", "0")
            .WithEnvironment("GIT_ASKPASS", null)
            .WithEnvironment("LC_ALL", "C");
        return credentials is null ? command : credentials.ApplyTo(command);
    }

    public static ToolException Failure(IEnumerable<string> arguments, ToolResult result) =>
        new(
            "git " + string.Join(" ", arguments.Select(ToolCommand.ShellQuote)),
            result.ExitCode,
            result.ErrorTail()
        );
}
