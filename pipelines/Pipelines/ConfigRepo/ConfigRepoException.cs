using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.ConfigRepo;

/// <summary>The config repo could not be read or written; the message says why and what to check.</summary>
internal sealed class ConfigRepoException(string message) : Exception(message), IExplainedFailure;
