namespace Pipelines.Clusters.Retirement;

/// <summary>
/// How RetireCluster records the retirement in the config repo before it deletes anything: a check, made first, that
/// this checkout may publish at all (it is the base branch), and the publish itself (a commit, or a pull request for
/// the environments that need review). The IClusterLifecycle component wires both to PublishChanges' machinery.
/// </summary>
internal sealed record RetirementPublishing(
    Func<CancellationToken, Task> EnsureSource,
    Func<string, CancellationToken, Task<string>> Publish
);
