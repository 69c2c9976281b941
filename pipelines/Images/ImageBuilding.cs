using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>BuildImage: resolve the request, choose the builder, build (or, with --dry-run, print the command).</summary>
internal static class ImageBuilding
{
    public static async Task<ImageRequest> BuildAsync(IContainerImage build, CancellationToken ct)
    {
        var request = await ImageRequest.ResolveAsync(build, ct);
        var builder = await ImageBuilder.ChooseAsync(build, ct);
        var command = builder.Build(request, build.Platform);
        if (build.DryRun)
        {
            Log.Info(
                $"[dry-run] would build {request.LocalReference} with {builder.Kind.ToString().ToLowerInvariant()}:"
            );
            Log.Info($"  {command.CommandLine}");
            return request;
        }
        try
        {
            await ToolRunner.Default.RunAsync(command, ToolOutput.Stream, ct);
        }
        catch (ToolException exception) when (exception.ExitCode is not null)
        {
            throw DockerfileError.From(request.Dockerfile, exception);
        }
        Log.Info($"Built {request.LocalReference} ({string.Join(", ", request.Tags)})");
        return request;
    }
}
