using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>The BuildImage target's steps: resolve the request, choose the builder, build (or, with --dry-run, print the command).</summary>
internal sealed partial record ImageBuilder
{
    public static async Task<ImageRequest> BuildImageAsync(
        IContainerImage build,
        CancellationToken ct
    )
    {
        var request = await ImageRequest.ResolveAsync(build, ct);
        var builder = await ImageBuilder.ChooseAsync(build, ct);
        if (request.BuildsSampleBase)
        {
            return await BuildOnSampleBaseAsync(build, request, builder, ct);
        }
        return await BuildAsync(build, request, builder, ct);
    }

    /// <summary>
    /// Builds the sample base into the local registry first and the app FROM it, while that registry runs (the
    /// builder pulls the base from it). PushImage starts the registry again on its own port, same storage.
    /// </summary>
    private static async Task<ImageRequest> BuildOnSampleBaseAsync(
        IContainerImage build,
        ImageRequest request,
        ImageBuilder builder,
        CancellationToken ct
    )
    {
        if (build.DryRun)
        {
            Log.Info(
                $"[dry-run] no --build-arg {SampleBase.Argument} and --registry local: would build the sample base:"
            );
            Log.Info($"  {SampleBase.DryRunCommand(build, builder).CommandLine}");
            var placeholder = RegistryTarget.Parse("local") with { Host = "127.0.0.1:<port>" };
            Log.Info(
                $"  and push it to the local registry as {SampleBase.ReferenceIn(placeholder)}"
            );
            return await BuildAsync(
                build,
                request.WithBuildArg(SampleBase.Argument, SampleBase.ReferenceIn(placeholder)),
                builder,
                ct
            );
        }
        await using var local = await LocalRegistry.StartAsync(
            LocalRegistry.DirectoryFor(build),
            ct
        );
        var registry = RegistryTarget.Parse("local").WithPort(local.Port);
        var baseImage = await SampleBase.BuildAndPushAsync(build, builder, registry, ct);
        return await BuildAsync(
            build,
            request.WithBuildArg(SampleBase.Argument, baseImage),
            builder,
            ct
        );
    }

    private static async Task<ImageRequest> BuildAsync(
        IContainerImage build,
        ImageRequest request,
        ImageBuilder builder,
        CancellationToken ct
    )
    {
        string idFile = builder.StorageDirectory / $"iid-{Guid.NewGuid():N}";
        var command = builder.Build(request, build.Platform, build.DryRun ? null : idFile);
        if (build.DryRun)
        {
            Log.Info(
                $"[dry-run] would build {request.LocalReference} with {builder.Kind.ToString().ToLowerInvariant()}:"
            );
            Log.Info($"  {command.CommandLine}");
            return request;
        }
        Directory.CreateDirectory(builder.StorageDirectory);
        try
        {
            await ToolRunner.Default.RunAsync(command, ToolOutput.Stream, ct);
        }
        catch (ToolException exception) when (exception.ExitCode is not null)
        {
            throw DockerfileError.From(request.Dockerfile, exception);
        }
        Log.Info($"Built {request.LocalReference} ({string.Join(", ", request.Tags)})");
        // Handed to PushImage, which then reuses the request, the builder and the image ID instead of asking git,
        // docker and the builder's storage again.
        build.Results.Put(new BuiltImage(request, builder, await ReadImageIdAsync(idFile, ct)));
        return request;
    }

    /// <summary>The ID the builder wrote with --iidfile: the digest of the image's config.</summary>
    private static async Task<string> ReadImageIdAsync(string idFile, CancellationToken ct)
    {
        var id = (await File.ReadAllTextAsync(idFile, ct)).Trim();
        File.Delete(idFile);
        return id.StartsWith("sha256:", StringComparison.Ordinal) ? id : "sha256:" + id;
    }
}

/// <summary>An image BuildImage built in this run: how, with what, and its ID.</summary>
internal sealed record BuiltImage(ImageRequest Request, ImageBuilder Builder, string ImageId);
