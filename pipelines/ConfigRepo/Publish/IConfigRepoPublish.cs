using Pipelines.Engine;
using Pipelines.Helmfile;

namespace Pipelines.ConfigRepo.Publish;

/// <summary>
/// PublishChanges as a component: what earlier targets changed in this checkout (ProvisionCluster's clusters.yaml and
/// eksctl config, RetireCluster's state, GenerateWorkflows' matrices) goes to the config repo as one commit, or a pull
/// request for the environments that need review. On GitHub Actions the checkout is thrown away with the runner,
/// so this is how the lifecycle workflow keeps what it did.
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
            "README.md",
        ];

    [Parameter("The commit message (and pull request title) of PublishChanges")]
    string? PublishMessage => TryGetValue(() => PublishMessage);

    Target PublishChanges =>
        _ =>
            _.Description(
                    "Commit what earlier targets changed here (clusters.yaml, eksctl configs, workflows) to the config repo, or open a PR"
                )
                .Requires(() => Env)
                .Executes(async ct =>
                {
                    var result = await ChangePublishing.RunAsync(this, ct);
                    Report("published", result);
                });
}
