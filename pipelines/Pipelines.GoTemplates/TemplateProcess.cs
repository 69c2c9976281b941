namespace Pipelines.GoTemplates;

/// <summary>A command that helmfile's <c>exec</c> or <c>envExec</c> asked to run.</summary>
/// <param name="Command">The program, found on PATH as a shell would.</param>
/// <param name="Arguments">The arguments, passed as they are (no shell).</param>
/// <param name="Environment">Variables set on top of the process's own (<c>envExec</c>'s map).</param>
/// <param name="StandardInput">Text written to standard input, or null for none.</param>
/// <param name="WorkingDirectory">The state file's directory, as helmfile's basePath.</param>
public sealed record TemplateProcess(
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string? StandardInput,
    string WorkingDirectory
);

/// <summary>
/// Runs a <see cref="TemplateProcess"/> and returns its standard output exactly. The template engine runs no
/// process itself: the host (the build's tool runner) does, so commands are run, logged and masked one way.
/// </summary>
public delegate string TemplateProcessRunner(TemplateProcess process);

/// <summary>A command run for a template failed; the message (with its stderr) stops the render.</summary>
public sealed class TemplateProcessException(string message) : Exception(message);
