using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>
/// A check mode found differences (a render changed, a cluster drifted). The target fails and the build exits 2,
/// as <c>helmfile diff --detailed-exitcode</c> and <c>argocd app diff</c> do.
/// </summary>
internal sealed class DriftDetectedException(string message)
    : Exception(message),
        IHasExitCode,
        IExplainedFailure
{
    public int ExitCode => ExitCodes.Usage;
}

/// <summary>A mistake in the build's own code (a cycle, a dangling target reference). Exits with 2.</summary>
internal sealed class BuildDefinitionException(string message) : UsageException(message);
