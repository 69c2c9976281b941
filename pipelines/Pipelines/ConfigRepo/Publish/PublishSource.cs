using Pipelines.ConfigRepo.Git;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools.Git;

namespace Pipelines.ConfigRepo.Publish;

/// <summary>
/// Where published changes may come from: a checkout of the config repo's base branch. A checkout of another branch
/// holds code nobody reviewed yet; what it generates (clusters.yaml, workflows) must not reach the base branch, so
/// PublishChanges and RetireCluster refuse it before they change anything.
/// </summary>
internal static class PublishSource
{
    public static async Task EnsureOnBaseBranchAsync(
        IConfigRepoAccess build,
        string what,
        CancellationToken ct
    )
    {
        var git = new GitCli(build.RootDirectory);
        var current = await git.TryRunAsync(ct, "symbolic-ref", "--quiet", "--short", "HEAD");
        var branch = current.ExitCode == 0 ? current.StandardOutput.Trim() : null;
        var expected =
            build.ConfigBranch
            ?? await ConfigClone.DefaultBranchAsync(
                build.ConfigRepository,
                build.ConfigRepoContext,
                ct
            );
        if (branch != expected)
        {
            throw new UsageException(
                $"{what} publishes only from a checkout of {expected}, the config repo's base branch; this checkout is "
                    + (branch is null ? "not on a branch (a detached HEAD)" : $"on {branch}")
                    + $". Merge the change into {expected} first (its review is the point), then run from there."
            );
        }
    }
}
