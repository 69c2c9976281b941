using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>BuildImage: resolve the request, choose the builder, build (or, with --dry-run, print the command).</summary>
internal static class ImageBuilding
{
    // What BuildImage built in this run, so PushImage reuses the request, the builder and the image ID instead of
    // asking git, docker and the builder's storage again.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
        IContainerImage,
        BuiltImage
    > Built = new();

    /// <summary>The image BuildImage built earlier in this run, or null (it was skipped, or this was a dry run).</summary>
    public static BuiltImage? BuiltBy(IContainerImage build) =>
        Built.TryGetValue(build, out var image) ? image : null;

    public static async Task<ImageRequest> BuildAsync(IContainerImage build, CancellationToken ct)
    {
        var request = await ImageRequest.ResolveAsync(build, ct);
        var builder = await ImageBuilder.ChooseAsync(build, ct);
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
        Built.AddOrUpdate(
            build,
            new BuiltImage(request, builder, await ReadImageIdAsync(idFile, ct))
        );
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
