using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>
/// The commands of one builder, docker or buildah, as <see cref="ToolCommand"/>s so a dry run prints exactly
/// what would run. buildah keeps its storage under <c>.nuke/temp/buildah</c> and builds with
/// <c>--isolation chroot</c>, which needs neither a daemon nor user namespaces.
/// </summary>
internal sealed partial record ImageBuilder(ImageBuilderKind Kind, AbsolutePath StorageDirectory)
{
    public static async Task<ImageBuilder> ChooseAsync(IContainerImage build, CancellationToken ct)
    {
        var kind = build.ImageBuilder;
        if (kind == ImageBuilderKind.Auto)
        {
            kind = await DockerAnswersAsync(ct)
                ? ImageBuilderKind.Docker
                : ImageBuilderKind.Buildah;
        }
        return new ImageBuilder(kind, build.TemporaryDirectory / "buildah");
    }

    /// <summary>
    /// The build command. With <paramref name="idFile"/>, docker and buildah both write the built image's ID there,
    /// which saves asking the builder's storage for it afterwards.
    /// </summary>
    public ToolCommand Build(ImageRequest request, string? platform, string? idFile = null)
    {
        var command =
            Kind == ImageBuilderKind.Docker
                ? ToolCommand.For("docker").WithArguments("build")
                : Buildah()
                    .WithArguments("bud", "--isolation", "chroot", "--layers", "--force-rm")
                    // Commit time as the image's created time: the same commit gives the same image.
                    .WithArguments(
                        "--timestamp",
                        request
                            .Revision.CommitTime.ToUnixTimeSeconds()
                            .ToString(System.Globalization.CultureInfo.InvariantCulture)
                    );
        command = command.WithArguments("--file", request.Dockerfile);
        if (platform is not null)
        {
            command = command.WithArguments("--platform", platform);
        }
        if (
            Kind == ImageBuilderKind.Buildah
            && request.BuildArgs.Any(a => IsLoopbackImage(a.Value))
        )
        {
            // The base comes from a registry on this machine, which serves plain HTTP.
            command = command.WithArguments("--tls-verify=false");
        }
        foreach (var (key, value) in request.BuildArgs)
        {
            command = command.WithArguments("--build-arg", $"{key}={value}");
        }
        foreach (var (key, value) in request.Labels)
        {
            command = command.WithArguments("--label", $"{key}={value}");
        }
        foreach (var tag in request.Tags)
        {
            command = command.WithArguments("--tag", $"{request.LocalRepository}:{tag}");
        }
        if (idFile is not null)
        {
            command = command.WithArguments("--iidfile", idFile);
        }
        return command.WithArguments(request.Context);
    }

    /// <summary>The local image's ID: the digest of its config, which a registry's manifest also names.</summary>
    public ToolCommand ImageId(string reference) =>
        Kind == ImageBuilderKind.Docker
            ? ToolCommand
                .For("docker")
                .WithArguments("image", "inspect", "--format", "{{.Id}}", reference)
            : Buildah().WithArguments("images", "--no-trunc", "--format", "{{.ID}}", reference);

    /// <summary>
    /// The push of one tag. buildah writes the manifest digest to <paramref name="digestFile"/>; its own retries
    /// are off because PushImage retries with backoff and then names the registry.
    /// </summary>
    public IReadOnlyList<ToolCommand> Push(
        string local,
        string remote,
        RegistryTarget registry,
        string? authFile,
        string digestFile
    )
    {
        if (Kind == ImageBuilderKind.Docker)
        {
            var docker = ToolCommand.For("docker");
            if (authFile is not null)
            {
                docker = docker.WithEnvironment("DOCKER_CONFIG", Path.GetDirectoryName(authFile));
            }
            return
            [
                docker.WithArguments("tag", local, remote),
                docker.WithArguments("push", remote),
            ];
        }
        var push = Buildah().WithArguments("push", "--retry", "0", "--digestfile", digestFile);
        if (registry.IsLoopback)
        {
            push = push.WithArguments("--tls-verify=false");
        }
        if (authFile is not null)
        {
            push = push.WithArguments("--authfile", authFile);
        }
        return [push.WithArguments(local, $"docker://{remote}")];
    }

    private ToolCommand Buildah() =>
        ToolCommand
            .For("buildah")
            .WithArguments(
                "--root",
                StorageDirectory / "root",
                "--runroot",
                StorageDirectory / "runroot"
            );

    /// <summary>A base image from a registry on this machine (its host, not a prefix of it, is loopback).</summary>
    private static bool IsLoopbackImage(string value) =>
        value.Contains('/') && RegistryTarget.IsLoopbackHost(value);

    private static async Task<bool> DockerAnswersAsync(CancellationToken ct)
    {
        try
        {
            await ToolRunner.Default.RunAsync(
                ToolCommand.For("docker").WithArguments("info", "--format", "{{.ServerVersion}}"),
                ToolOutput.Capture,
                ct
            );
            return true;
        }
        catch (ToolException)
        {
            return false; // No docker CLI, or no daemon behind it.
        }
    }
}
