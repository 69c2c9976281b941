using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tools.Helm;

/// <summary>
/// helm is nowhere and no source could install it. The message lists each source with its answer and the fixes, so
/// the build prints it without a stack trace.
/// </summary>
internal sealed class HelmInstallException(string message)
    : InvalidOperationException(message),
        IExplainedFailure;
