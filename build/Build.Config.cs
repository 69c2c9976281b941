using Pipelines.ConfigRepo;
using Pipelines.ConfigRepo.Onboarding;
using Pipelines.ConfigRepo.Publish;

/// <summary>
/// The hand-off from CI to GitOps: BumpK8sConfig, from the IConfigRepoBump component (see
/// pipelines/ConfigRepo/IConfigRepoBump.cs for its parameters). It reads the image PushImage wrote to
/// .nuke/temp/image.json and commits it into the config repo, or opens a pull request for prod. PublishChanges
/// commits what the lifecycle targets changed in this checkout (provision.yml runs it after them). AddApp
/// (IAppOnboarding) adds a new application to the config repo, so its own repository can bump it.
/// </summary>
partial class Build : IConfigRepoBump, IConfigRepoPublish, IAppOnboarding;
