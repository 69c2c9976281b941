namespace Pipelines.Engine;

/// <summary>The outcome of a target, as the summary table shows it.</summary>
public enum TargetStatus
{
    /// <summary>Scheduled but never started (an earlier failure, or the build was cancelled).</summary>
    NotRun,

    /// <summary>Not run on purpose: <c>--skip</c>, a condition, or a skipped dependent.</summary>
    Skipped,
    Running,
    Succeeded,
    Failed,

    /// <summary>Was running when the build was cancelled (Ctrl-C).</summary>
    Aborted,
}
