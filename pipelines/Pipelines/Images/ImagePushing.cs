using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>
/// PushImage: every tag goes to the registry unless it is already there with the same image (a no-op), and a
/// tag that points at a different image is refused unless --allow-retag. All tags are checked before any is
/// pushed, so a refusal leaves the registry as it was.
/// </summary>
internal static class ImagePushing
{
    public static async Task<PushedImage?> PushAsync(IContainerImage build, CancellationToken ct)
    {
        var built = build.Results.TryGet<BuiltImage>();
        var request = built?.Request ?? await ImageRequest.ResolveAsync(build, ct);
        var builder = built?.Builder ?? await ImageBuilder.ChooseAsync(build, ct);
        var registry = RegistryTarget.Parse(build.Registry);
        if (build.DryRun)
        {
            PrintDryRun(build, request, builder, registry);
            return null;
        }
        await using var local = registry.IsLocal
            ? await LocalRegistry.StartAsync(LocalRegistry.DirectoryFor(build), ct)
            : null;
        if (local is not null)
        {
            registry = registry.WithPort(local.Port);
            Log.Info(
                $"Local registry on {local.Host}, storage in {LocalRegistry.DirectoryFor(build)}"
            );
        }
        using var login = await RegistryAuth.LoginAsync(build, registry, ct);
        var authFile = login?.Path;
        var repository = registry.Repository(request.Name);
        using var client = new RegistryClient(registry, login);
        // The local image ID and every tag's state are independent reads: ask for them all at once.
        var imageIdTask = built is null
            ? LocalImageIdAsync(builder, request, ct)
            : Task.FromResult(built.ImageId);
        var remoteTasks = request
            .Tags.Select(tag => client.FindAsync(request.Name, tag, ct))
            .ToList();
        var imageId = await imageIdTask;
        var remotes = await Task.WhenAll(remoteTasks);

        var toPush = new List<string>();
        string? existingDigest = null;
        foreach (var (tag, remote) in request.Tags.Zip(remotes))
        {
            if (remote is null)
            {
                toPush.Add(tag);
            }
            else if (remote.ConfigDigest == imageId)
            {
                Log.Info(
                    $"{repository}:{tag} already holds this image ({remote.Digest}); nothing to push."
                );
                existingDigest = remote.Digest;
            }
            else if (build.AllowRetag)
            {
                Log.Warning(
                    $"{repository}:{tag} points at {remote.Digest}; moving it (--allow-retag)."
                );
                toPush.Add(tag);
            }
            else
            {
                throw new ImageTagConflictException(
                    $"{repository}:{tag} already exists with a different image ({remote.Digest}). Tags are immutable: "
                        + "build a new commit, or pass --allow-retag to move the tag."
                );
            }
        }

        var digest = existingDigest;
        foreach (var tag in toPush)
        {
            digest = await PushTagAsync(
                build,
                builder,
                request,
                registry,
                authFile,
                $"{repository}:{tag}",
                ct
            );
        }
        if (toPush.Count == 0)
        {
            build.Report("note", "already pushed, no-op");
        }
        var pushed = new PushedImage(repository, request.Tags, digest!, request.Revision.Sha);
        await pushed.WriteAsync(build.ImageManifestFile, ct);
        Log.Info($"Pushed {repository}@{pushed.Digest} as {string.Join(", ", request.Tags)}");
        return pushed;
    }

    /// <summary>Pushes the request's local image as <paramref name="remote"/>, with retries; returns the manifest digest.</summary>
    internal static async Task<string> PushTagAsync(
        IContainerImage build,
        ImageBuilder builder,
        ImageRequest request,
        RegistryTarget registry,
        string? authFile,
        string remote,
        CancellationToken ct
    )
    {
        var digestFile = build.TemporaryDirectory / "buildah" / $"digest-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Path.GetDirectoryName(digestFile)!);
        var commands = builder.Push(request.LocalReference, remote, registry, authFile, digestFile);
        return await RegistryRetry.RunAsync(
            registry,
            async token =>
            {
                foreach (var command in commands)
                {
                    await ToolRunner.Default.RunAsync(command, ToolOutput.Stream, token);
                }
                if (builder.Kind == ImageBuilderKind.Docker)
                {
                    return await DockerDigestAsync(remote, token);
                }
                var digest = (await File.ReadAllTextAsync(digestFile, token)).Trim();
                File.Delete(digestFile);
                return digest;
            },
            ct
        );
    }

    private static async Task<string> LocalImageIdAsync(
        ImageBuilder builder,
        ImageRequest request,
        CancellationToken ct
    )
    {
        var result = await ToolRunner.Default.RunAsync(
            builder.ImageId(request.LocalReference),
            ToolOutput.Capture,
            ct
        );
        var id = result.StandardOutput.Trim().Split('\n')[0].Trim();
        return id.StartsWith("sha256:", StringComparison.Ordinal) ? id : "sha256:" + id;
    }

    private static async Task<string> DockerDigestAsync(string remote, CancellationToken ct)
    {
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand
                .For("docker")
                .WithArguments("image", "inspect", "--format", "{{index .RepoDigests 0}}", remote),
            ToolOutput.Capture,
            ct
        );
        return result.StandardOutput.Trim().Split('@')[^1];
    }

    private static void PrintDryRun(
        IContainerImage build,
        ImageRequest request,
        ImageBuilder builder,
        RegistryTarget registry
    )
    {
        if (registry.IsLocal)
        {
            Log.Info(
                $"[dry-run] would start docker-registry on 127.0.0.1:<free port>, storage in {LocalRegistry.DirectoryFor(build)}"
            );
            registry = registry with { Host = "127.0.0.1:<port>" };
        }
        var repository = registry.Repository(request.Name);
        Log.Info($"[dry-run] would push to {repository}, tags {string.Join(", ", request.Tags)}:");
        foreach (var tag in request.Tags)
        {
            foreach (
                var command in builder.Push(
                    request.LocalReference,
                    $"{repository}:{tag}",
                    registry,
                    null,
                    "<digestfile>"
                )
            )
            {
                Log.Info($"  {command.CommandLine}");
            }
        }
        Log.Info($"[dry-run] would write {build.ImageManifestFile}; nothing was built or pushed.");
    }
}

/// <summary>A tag already names a different image and --allow-retag was not given. Exits 1.</summary>
internal sealed class ImageTagConflictException(string message)
    : Exception(message),
        IExplainedFailure;
