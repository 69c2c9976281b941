using Pipelines.ConfigRepo;
using Pipelines.ConfigRepo.Onboarding;
using Pipelines.ConfigRepo.Publish;
using Pipelines.GitHubActions;
using Pipelines.GitHubActions.Generation;

/// <summary>
/// The hand-off from CI to GitOps: BumpK8sConfig, from the IBumpK8sConfig component (see
/// pipelines/Pipelines/ConfigRepo/IBumpK8sConfig.cs for its parameters, ConfigRepo/Bump/BumpK8sConfig.cs for its steps). It
/// takes the image PushImage pushed in the same run, or wrote to .nuke/temp/image.json in an earlier job, and commits it
/// into the config repo, or opens a pull request for prod. PublishChanges
/// commits what the lifecycle targets changed in this checkout (provision.yml runs it after them), with the workflows
/// regenerated first so their matrices match the clusters published. AddApp (IAppOnboarding) adds a new application
/// to the config repo, so its own repository can bump it.
/// </summary>
partial class Build : IBumpK8sConfig, IConfigRepoPublish, IAppOnboarding
{
    Task IConfigRepoPublish.RegenerateAsync(CancellationToken cancellationToken) =>
        WorkflowFiles.WriteAsync(
            this,
            ((IGitHubWorkflows)this).WorkflowClustersFile,
            cancellationToken
        );
}
