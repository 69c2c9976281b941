using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tools;

/// <summary>
/// The one way the suite runs an external process (helm, git, buildah, dotnet, eksctl, aws). Output lines stream
/// to the build log (so secrets are masked and parallel targets prefixed) and are captured; a non-zero exit throws
/// <see cref="ToolException"/> with the command line, the exit code and the tail of stderr.
/// </summary>
public sealed class ToolRunner
{
    public static ToolRunner Default { get; } = new();

    public async Task<ToolResult> RunAsync(
        ToolCommand command,
        ToolOutput output = ToolOutput.Stream,
        CancellationToken cancellationToken = default
    )
    {
        var completed = await RunUncheckedAsync(command, output, cancellationToken);
        if (completed.ExitCode != 0)
        {
            throw new ToolException(command.CommandLine, completed.ExitCode, completed.ErrorTail());
        }
        return completed;
    }

    /// <summary>
    /// Runs the command and returns what it did whatever its exit code, for callers that read a failure's output
    /// (git's push refusals). A command that cannot start still throws.
    /// </summary>
    public async Task<ToolResult> RunUncheckedAsync(
        ToolCommand command,
        ToolOutput output = ToolOutput.Capture,
        CancellationToken cancellationToken = default
    )
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        // Credentials of the build's environment stay with the build unless the command asks for them.
        var environment = new Dictionary<string, string?>(command.Environment);
        foreach (
            var name in ChildEnvironment.Stripped(command, Environment.GetEnvironmentVariables())
        )
        {
            environment[name] = null;
        }
        var cli = Cli.Wrap(command.Executable)
            .WithArguments(command.Arguments)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(environment)
            .WithStandardOutputPipe(
                output == ToolOutput.Exact
                    ? PipeTarget.ToStringBuilder(stdout)
                    : PipeTarget.ToDelegate(line => Collect(stdout, line, output))
            )
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Collect(stderr, line, output)));
        if (command.StandardInput is not null)
        {
            cli = cli.WithStandardInputPipe(PipeSource.FromString(command.StandardInput));
        }
        if (command.WorkingDirectory is not null)
        {
            cli = cli.WithWorkingDirectory(command.WorkingDirectory);
        }
        // The environment is left out: the values it sets for a tool are credentials more often than not.
        Log.Verbose(
            $"$ {command.CommandLine}"
                + (command.WorkingDirectory is null ? "" : $"   (in {command.WorkingDirectory})")
        );
        var stopwatch = Stopwatch.StartNew();
        CommandResult result;
        try
        {
            result = await cli.ExecuteAsync(cancellationToken);
        }
        catch (Win32Exception exception)
        {
            throw new ToolException(
                command.CommandLine,
                exitCode: null,
                $"'{command.Executable}' could not be started ({exception.Message}). Is it installed and on PATH"
                    + (
                        command.WorkingDirectory is null
                            ? "?"
                            : $", and does the working directory {command.WorkingDirectory} exist?"
                    )
            );
        }
        Log.Verbose(
            $"  {command.Executable} exited with {result.ExitCode} after {stopwatch.ElapsedMilliseconds} ms"
        );
        var completed = new ToolResult(
            result.ExitCode,
            stdout.ToString(),
            stderr.ToString(),
            stopwatch.Elapsed
        );
        return completed;
    }

    private static void Collect(StringBuilder buffer, string line, ToolOutput output)
    {
        lock (buffer)
        {
            buffer.AppendLine(line);
        }
        if (output == ToolOutput.Stream)
        {
            Log.Info(line);
        }
    }
}

/// <summary>Whether a tool's output streams to the build log as it comes, or is only captured.</summary>
public enum ToolOutput
{
    Stream,
    Capture,

    /// <summary>Captured byte for byte, not line by line (a last line without a newline stays without one).</summary>
    Exact,
}

/// <summary>What a finished command produced.</summary>
public sealed record ToolResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration
)
{
    /// <summary>How many lines of output a failure carries: enough for the error, not the whole log.</summary>
    public const int TailLines = 20;

    /// <summary>
    /// The last non-empty lines of stderr, or of stdout when stderr is empty (some tools report errors there):
    /// what a <see cref="ToolException"/> shows of a failed command.
    /// </summary>
    public string ErrorTail()
    {
        var text = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.TakeLast(TailLines)).TrimEnd();
    }
}

/// <summary>A command failed: carries the command line, the exit code and the tail of its error output.</summary>
public sealed class ToolException(string commandLine, int? exitCode, string detail)
    : Exception(
        exitCode is null
            ? $"{commandLine}: {detail}"
            : $"{commandLine} exited with code {exitCode}"
                + (detail.Length == 0 ? "" : $":\n{detail}")
    ),
        IExplainedFailure
{
    public string CommandLine { get; } = commandLine;
    public int? ExitCode { get; } = exitCode;
    public string Detail { get; } = detail;
}
