namespace Pipelines.Failures;

/// <summary>
/// A mistake in how the build was invoked (unknown target, bad parameter value, missing required parameter).
/// The message is printed alone, without a stack trace, and the build exits with 2.
/// </summary>
public class UsageException(string message) : Exception(message), IHasExitCode, IExplainedFailure
{
    public int ExitCode => ExitCodes.Usage;
}

/// <summary>A failure whose message says everything a user needs: it is printed without a stack trace.</summary>
public interface IExplainedFailure;

/// <summary>A failure that asks for a specific exit code rather than 1.</summary>
public interface IHasExitCode
{
    int ExitCode { get; }
}

/// <summary>
/// A failure that points at a place in a file; on GitHub Actions it becomes an
/// <c>::error file=,line=::</c> annotation on that line.
/// </summary>
public class SourceLocatedException(
    string message,
    string file,
    int? line = null,
    int? column = null
) : Exception(message), IExplainedFailure
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public int? Column { get; } = column;
}
