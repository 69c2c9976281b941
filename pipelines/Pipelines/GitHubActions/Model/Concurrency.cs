namespace Pipelines.GitHubActions.Model;

/// <summary>
/// At most one run (or job) of <see cref="Group"/> at a time. <see cref="CancelInProgress"/> false lets the
/// running one finish and queues the newest; true cancels the running one.
/// </summary>
public sealed record Concurrency(string Group, bool CancelInProgress);
