using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>
/// The sample's base image, built on the spot so a fresh clone pushes with no other step: <c>FROM scratch</c> plus
/// the host's static busybox (Debian's busybox-static), from samples/base/Dockerfile, which the package carries.
/// BuildImage makes it only when the Dockerfile builds FROM <c>${BASE_IMAGE}</c>, none was given and the registry
/// is <c>local</c>; any other registry must name a base it can pull.
/// </summary>
internal static class SampleBase
{
    public const string Argument = "BASE_IMAGE";

    private const string Busybox = "/bin/busybox";

    /// <summary>Where it lives in the registry: <c>&lt;registry&gt;/base:busybox</c>.</summary>
    public static string ReferenceIn(RegistryTarget registry) =>
        $"{registry.Repository("base")}:busybox";

    /// <summary>Builds the base, pushes it to <paramref name="registry"/> and returns its reference there.</summary>
    public static async Task<string> BuildAndPushAsync(
        IContainerImage build,
        ImageBuilder builder,
        RegistryTarget registry,
        CancellationToken ct
    )
    {
        var request = await PrepareAsync(build, ct);
        await ToolRunner.Default.RunAsync(
            builder.Build(request, platform: null),
            ToolOutput.Capture,
            ct
        );
        var reference = ReferenceIn(registry);
        await ImagePushing.PushTagAsync(build, builder, request, registry, null, reference, ct);
        Log.Info(
            $"Built the sample base {reference} (FROM scratch + {Busybox}) into the local registry"
        );
        return reference;
    }

    /// <summary>The build of the base, for a dry run to print.</summary>
    public static ToolCommand DryRunCommand(IContainerImage build, ImageBuilder builder) =>
        builder.Build(Request(build), platform: null);

    /// <summary>The build context: the Dockerfile from the package and the host's busybox under bin/.</summary>
    private static async Task<ImageRequest> PrepareAsync(
        IContainerImage build,
        CancellationToken ct
    )
    {
        if (!File.Exists(Busybox) || !Elf.IsStaticExecutable(Busybox))
        {
            throw new UsageException(
                $"--registry local builds the sample base from a static {Busybox}, and this machine has "
                    + (File.Exists(Busybox) ? "a dynamically linked one" : "none")
                    + ". Install it (apt-get install -y busybox-static), or pass --build-arg "
                    + $"{Argument}=<image>."
            );
        }
        var request = Request(build);
        Directory.CreateDirectory(request.Context / "bin");
        File.Copy(Busybox, request.Context / "bin" / "busybox", overwrite: true);
        await using var dockerfile = typeof(SampleBase).Assembly.GetManifestResourceStream(
            "Pipelines.Images.SampleBase.Dockerfile"
        )!;
        await using var target = File.Create(request.Dockerfile);
        await dockerfile.CopyToAsync(target, ct);
        return request;
    }

    // The base has no commit of its own: the epoch as its time makes the same busybox the same image, every time.
    private static ImageRequest Request(IContainerImage build)
    {
        var context = build.TemporaryDirectory / "sample-base";
        return new ImageRequest(
            "base",
            context,
            context / "Dockerfile",
            [],
            ["busybox"],
            [
                new("org.opencontainers.image.title", "base"),
                new("org.opencontainers.image.description", $"FROM scratch + the host's {Busybox}"),
            ],
            new GitRevision("", "", null, DateTimeOffset.UnixEpoch, null)
        );
    }
}
