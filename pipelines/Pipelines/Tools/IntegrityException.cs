using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tools;

/// <summary>
/// A downloaded artifact is not the one the build pins (its SHA-256 or npm <c>dist.integrity</c> differs). The
/// install stops here, with no fallback to another source: a source that serves other bytes than the published
/// release is not to be trusted, and trying the next one would turn an attack into a warning.
/// </summary>
internal sealed class IntegrityException(string message)
    : InvalidOperationException(message),
        IExplainedFailure;
