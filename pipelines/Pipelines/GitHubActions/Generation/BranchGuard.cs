using Pipelines.GitHubActions.Model;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// Jobs that change clusters or the config repo run only from the default branch. A <c>workflow_dispatch</c> can
/// name any ref, so without a guard an unreviewed branch could sync or provision with the environment's role. The
/// <c>if:</c> is the readable half; the environment's deployment-branch rule (docs/security-model.md) is the half a
/// branch cannot edit away. A dispatch from another ref runs only <see cref="ExplainJob"/>, which says why.
/// </summary>
public static class BranchGuard
{
    public const string ExplainJobId = "off-default-branch";

    /// <summary>The <c>if:</c> of a guarded job: the run's ref is the default branch.</summary>
    public static string OnBranch(string branch) => $"github.ref == 'refs/heads/{branch}'";

    /// <summary>
    /// The one job that runs when the ref is not <paramref name="branch"/>: it changes nothing, and fails with an
    /// error annotation so the run is not mistaken for a sync that succeeded.
    /// </summary>
    public static Job ExplainJob(string branch, string what) =>
        new()
        {
            Id = ExplainJobId,
            Name = $"Not on {branch}: nothing runs",
            If = $"github.ref != 'refs/heads/{branch}'",
            TimeoutMinutes = 5,
            Steps =
            [
                new RunStep(
                    $"echo \"::error::{what} only from refs/heads/{branch}; this run is on $REF, so nothing ran. "
                        + $"Dispatch it from {branch}.\"\nexit 1\n"
                )
                {
                    Name = "Say why nothing runs",
                    Env = [new("REF", Expr.Of("github.ref"))],
                },
            ],
        };
}
