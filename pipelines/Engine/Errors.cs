namespace Pipelines.Engine;

/// <summary>
/// A mistake in how the build was invoked (unknown target, bad parameter value, missing required parameter).
/// The message is printed alone, without a stack trace, and the build exits with 2.
/// </summary>
public class UsageException(string message) : Exception(message);

/// <summary>A mistake in the build's own code (a cycle, a dangling target reference). Exits with 2.</summary>
public sealed class BuildDefinitionException(string message) : UsageException(message);

/// <summary>
/// A failure that points at a place in a file; on GitHub Actions it becomes an
/// <c>::error file=,line=::</c> annotation on that line.
/// </summary>
public class SourceLocatedException(
    string message,
    string file,
    int? line = null,
    int? column = null
) : Exception(message)
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public int? Column { get; } = column;
}
