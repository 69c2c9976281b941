using Pipelines.Engine;

namespace Pipelines.Images;

/// <summary>
/// BuildImage and PushImage as a component: <c>class Build : PipelineBuild, IContainerImage</c>. Builds an app
/// under <c>samples/</c> with docker or buildah, tags it immutably from git, and pushes it to <c>--registry</c>.
/// </summary>
public interface IContainerImage : IPipelineBuild
{
    [Parameter("The app to build: a folder under samples/ (web) or a path to a build context")]
    string App => TryGetValue(() => App) ?? "web";

    [Parameter("The Dockerfile (default: Dockerfile in the app's folder)")]
    AbsolutePath? Dockerfile => TryGetValue(() => Dockerfile);

    [Parameter("Build arguments, KEY=VALUE (e.g. BASE_IMAGE=127.0.0.1:5000/base:busybox)")]
    string[] BuildArg => TryGetValue(() => BuildArg) ?? [];

    [Parameter("Target platform of the image, e.g. linux/amd64 (default: the builder's)")]
    string? Platform => TryGetValue(() => Platform);

    [Parameter("The image builder: auto uses docker when a daemon answers, else buildah")]
    ImageBuilderKind ImageBuilder => TryGetValue(() => ImageBuilder);

    [Parameter("More tags, besides the immutable one from git")]
    string[] Tag => TryGetValue(() => Tag) ?? [];

    [Parameter("Where to push: host[:port][/path] (ECR, GHCR, any OCI registry) or local")]
    string Registry => TryGetValue(() => Registry) ?? "local";

    [Parameter("Let PushImage move a tag that already points at a different digest")]
    bool AllowRetag => TryGetValue(() => AllowRetag);

    [Parameter("Token for ghcr.io (a GitHub token with packages:write)"), Secret]
    string? RegistryToken => TryGetValue(() => RegistryToken);

    /// <summary>Where PushImage writes what it pushed, for the next job (BumpK8sConfig).</summary>
    AbsolutePath ImageManifestFile => TemporaryDirectory / "image.json";

    Target BuildImage =>
        _ =>
            _.Description("Build the app's container image, tagged from git, with OCI labels")
                .Produces<BuiltImage>()
                .Executes(async ct =>
                {
                    var image = await Images.ImageBuilder.BuildImageAsync(this, ct);
                    Report("tags", string.Join(", ", image.Tags));
                });

    Target PushImage =>
        _ =>
            _.Description(
                    "Push the image to --registry; immutable tags; writes .nuke/temp/image.json"
                )
                .DependsOn(BuildImage)
                .Consumes<BuiltImage>(
                    "resolves the image from git and asks the builder for its ID (a dry run builds none)"
                )
                .Produces<PushedImage>()
                .Executes(async ct =>
                {
                    var pushed = await ImagePushing.PushAsync(this, ct);
                    if (pushed is not null)
                    {
                        Results.Put(pushed);
                        Report("digest", pushed.Digest);
                    }
                });
}

/// <summary>Which tool builds and pushes images.</summary>
public enum ImageBuilderKind
{
    Auto,
    Docker,
    Buildah,
}
