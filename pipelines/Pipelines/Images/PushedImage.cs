using System.Text.Json;
using System.Text.Json.Serialization;
using Pipelines.Engine;

namespace Pipelines.Images;

/// <summary>What PushImage pushed: <c>.nuke/temp/image.json</c>, and step outputs on GitHub Actions.</summary>
internal sealed record PushedImage(
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("revision")] string Revision
)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static PushedImage Read(string path) =>
        JsonSerializer.Deserialize<PushedImage>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path} holds no image.");

    internal async Task WriteAsync(string path, CancellationToken ct)
    {
        await AtomicFile.WriteAllTextAsync(
            path,
            JsonSerializer.Serialize(this, Options) + "\n",
            ct
        );
        if (
            PipelineBuild.IsGitHubActions
            && Environment.GetEnvironmentVariable("GITHUB_OUTPUT") is { Length: > 0 } output
        )
        {
            await File.AppendAllTextAsync(
                output,
                // reference is what BumpK8sConfig's --image takes in the next job.
                $"digest={Digest}\nimage={Repository}@{Digest}\ntag={Tags[0]}\nreference={Repository}:{Tags[0]}@{Digest}\n",
                ct
            );
        }
    }
}
