using Pipelines.ConfigRepo;

/// <summary>
/// The hand-off from CI to GitOps: BumpK8sConfig, from the IConfigRepoBump component (see
/// pipelines/ConfigRepo/IConfigRepoBump.cs for its parameters). It reads the image PushImage wrote to
/// .nuke/temp/image.json and commits it into the config repo, or opens a pull request for prod.
/// </summary>
partial class Build : IConfigRepoBump;
