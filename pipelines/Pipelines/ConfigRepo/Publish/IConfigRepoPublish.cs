using Pipelines.Engine;
using Pipelines.Helmfile;

namespace Pipelines.ConfigRepo.Publish;

/// <summary>
/// PublishChanges as a component: what earlier targets changed in this checkout (ProvisionCluster's clusters.yaml and
/// eksctl config, RetireCluster's state, GenerateWorkflows' matrices) goes to the config repo as one commit, or a pull
/// request for the environments that need review. On GitHub Actions the checkout is thrown away with the runner,
/// so this is how the lifecycle workflow keeps what it did. It runs only from a checkout of the config repo's base
/// branch, and a change to <c>.github/workflows/</c> always goes as a pull request.
/// </summary>
public interface IConfigRepoPublish : IConfigRepoAccess, IHelmfileRender
{
    [Parameter(
        "What PublishChanges takes from this checkout: files or folders, relative to the root"
    )]
    string[] PublishPaths =>
        TryGetValue(() => PublishPaths)
        ??
        [
            "helmfile/clusters.yaml",
            "clusters",
            ".github/workflows",
            "docs/pipelines.md",
            "docs/iam-trust-policies.md",
            "README.md",
        ];

    [Parameter("The commit message (and pull request title) of PublishChanges")]
    string? PublishMessage => TryGetValue(() => PublishMessage);

    /// <summary>
    /// Brings files derived from what the targets changed up to date before they are published (the build overrides it
    /// to regenerate its workflows from clusters.yaml), so a published change is never half of one.
    /// </summary>
    Task RegenerateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Target PublishChanges =>
        _ =>
            _.Description(
                    "Commit what earlier targets changed here (clusters.yaml, eksctl configs, workflows) to the config repo, or open a PR; only from its base branch"
                )
                .Requires(() => Env)
                .Executes(async ct =>
                {
                    var result = await ChangePublishing.RunAsync(this, Env!, PublishMessage, ct);
                    Report("published", result);
                });
}
