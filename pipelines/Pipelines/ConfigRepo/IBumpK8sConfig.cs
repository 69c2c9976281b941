using Pipelines.ConfigRepo.Bump;
using Pipelines.Engine;
using Pipelines.Helmfile;
using Pipelines.Images;

namespace Pipelines.ConfigRepo;

/// <summary>
/// BumpK8sConfig as a component: <c>class Build : PipelineBuild, IBumpK8sConfig</c>. Writes the image PushImage
/// pushed (or <c>--image</c>, or the one another environment runs) into the app's values for <c>--env</c>, as a
/// commit on the config repo or, for prod, a pull request.
/// </summary>
public interface IBumpK8sConfig : IHelmfileRender, IContainerImage, IConfigRepoAccess
{
    [Parameter(
        "More environments to bump in the same run, besides --env",
        ValueProvider = nameof(EnvironmentNames)
    )]
    string[] AlsoEnv => TryGetValue(() => AlsoEnv) ?? [];

    [Parameter(
        "The image: repository:tag@sha256:digest (default: what PushImage wrote to image.json)"
    )]
    string? Image => TryGetValue(() => Image);

    [Parameter("The app's values file in the config repo; {app} and {env} are replaced")]
    string ValuesFile => TryGetValue(() => ValuesFile) ?? BumpTarget.DefaultValuesFile;

    [Parameter("The values key holding the image: its .tag, .digest and .repository are written")]
    string ValuesKey => TryGetValue(() => ValuesKey) ?? "image";

    [Parameter("Write the tag only and drop the digest (default: pin the digest)")]
    bool TagOnly => TryGetValue(() => TagOnly);

    [Parameter(
        "Copy the image that this environment's values pin into --env's (promotion)",
        ValueProvider = nameof(EnvironmentNames)
    )]
    string? PromoteFrom => TryGetValue(() => PromoteFrom);

    Target BumpK8sConfig =>
        _ =>
            _.Description(
                    "Write the pushed image into the app's values for --env in the config repo (commit or PR)"
                )
                .Requires(() => Env)
                // Besides its own: the app, and how it reaches the config repo (IConfigRepoAccess).
                .Reads(
                    () => App,
                    () => ConfigRepo,
                    () => ConfigBranch,
                    () => Via,
                    () => PullRequestEnvs,
                    () => GitHubToken,
                    () => GitHubRepository,
                    () => GitHubApiUrl
                )
                .Consumes<PushedImage>(
                    "takes --image, or .nuke/temp/image.json that PushImage wrote in an earlier job"
                )
                .Executes(async ct =>
                {
                    foreach (var result in await Bump.BumpK8sConfig.RunAsync(this, ct))
                    {
                        Report(result.Key, result.Value);
                    }
                });
}

/// <summary>How BumpK8sConfig delivers a change.</summary>
public enum BumpVia
{
    Auto,
    Commit,
    PullRequest,
}
