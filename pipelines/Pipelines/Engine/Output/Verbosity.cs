namespace Pipelines.Engine;

/// <summary>How much the build prints: <c>--verbosity quiet|normal|verbose</c>.</summary>
public enum Verbosity
{
    /// <summary>Warnings, errors and the summary table; no target headers, no log lines, no tool output.</summary>
    Quiet,

    /// <summary>Target headers, log lines and tool output, as by default.</summary>
    Normal,

    /// <summary>Also every tool command line and every HTTP request (method, URL, status, time), masked.</summary>
    Verbose,
}
