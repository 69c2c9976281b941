using System.Diagnostics;
using System.Globalization;
using Pipelines.Engine;
using Pipelines.Images;
using Pipelines.Tools;
using Pipelines.Tools.Git;

namespace Pipelines.Benchmarks.Image;

/// <summary>
/// Builds and pushes samples/web through the targets (BuildImage and PushImage, run by the engine in process)
/// against the raw <c>buildah bud</c> + <c>buildah push</c> they wrap, with the same flags, storage and registry,
/// in the same run. Both paths start warm (one untimed run each fills the layer cache and the registry's blobs),
/// and every timed run pushes a tag of its own, so no push is a no-op; the runs alternate so drift hits both.
/// </summary>
public static class ImageBenchmark
{
    public sealed record Result(
        int Runs,
        string Registry,
        IReadOnlyList<TimeSpan> TargetRuns,
        IReadOnlyList<TimeSpan> RawRuns,
        bool SameImage
    )
    {
        public TimeSpan Targets => Median(TargetRuns);
        public TimeSpan Raw => Median(RawRuns);
        public double Ratio => Targets / Raw;
    }

    public static async Task<Result> RunAsync(
        AbsolutePath repositoryRoot,
        int runs,
        CancellationToken ct
    )
    {
        var workspace = AbsolutePath.Create(
            Path.Combine(Path.GetTempPath(), $"image-benchmark-{Guid.NewGuid():N}")
        );
        try
        {
            Directory.CreateDirectory(workspace / ".nuke");
            await using var registry = await LocalRegistry.StartAsync(workspace / "registry", ct);
            var baseImage = await PushBaseAsync(repositoryRoot, workspace, registry.Host, ct);
            var revision = await CreateRepositoryAsync(repositoryRoot, workspace, ct);

            await TargetsAsync(workspace, registry.Host, baseImage, "warm-targets", ct);
            await RawAsync(workspace, registry.Host, baseImage, revision, "warm-raw", ct);
            var targetRuns = new List<TimeSpan>();
            var rawRuns = new List<TimeSpan>();
            for (var i = 1; i <= runs; i++)
            {
                targetRuns.Add(
                    await TimeAsync(() =>
                        TargetsAsync(workspace, registry.Host, baseImage, $"targets-{i}", ct)
                    )
                );
                rawRuns.Add(
                    await TimeAsync(() =>
                        RawAsync(workspace, registry.Host, baseImage, revision, $"raw-{i}", ct)
                    )
                );
            }
            var sameImage =
                await ImageIdAsync(workspace, "targets-1", ct)
                == await ImageIdAsync(workspace, "raw-1", ct);
            return new Result(runs, registry.Host, targetRuns, rawRuns, sameImage);
        }
        finally
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (Exception exception)
                when (exception is IOException or UnauthorizedAccessException)
            {
                Log.Warning($"Could not delete {workspace}: {exception.Message}");
            }
        }
    }

    /// <summary>The targets' path: <c>PushImage</c> (and so BuildImage) through the engine, as ./build.sh runs it.</summary>
    private static async Task TargetsAsync(
        AbsolutePath workspace,
        string registry,
        string baseImage,
        string tag,
        CancellationToken ct
    )
    {
        string[] args =
        [
            "PushImage",
            "--app",
            "web",
            "--image-builder",
            "buildah",
            "--registry",
            registry,
            "--build-arg",
            $"BASE_IMAGE={baseImage}",
            "--tag",
            tag,
        ];
        await BuildRunner.RunCapturedAsync(() => new BenchmarkBuild(), args, workspace, ct);
    }

    /// <summary>
    /// The baseline: the <c>buildah bud</c> and <c>buildah push</c> the targets run, typed out by hand with the
    /// same storage, isolation, layer cache, timestamp, labels and tags (so it builds the very same image).
    /// </summary>
    private static async Task RawAsync(
        AbsolutePath workspace,
        string registry,
        string baseImage,
        GitRevision revision,
        string tag,
        CancellationToken ct
    )
    {
        var context = workspace / "samples" / "web";
        var bud = Buildah(workspace)
            .WithArguments("bud", "--isolation", "chroot", "--layers", "--force-rm")
            .WithArguments(
                "--timestamp",
                revision.CommitTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            )
            .WithArguments("--file", context / "Dockerfile", "--tls-verify=false")
            .WithArguments("--build-arg", $"BASE_IMAGE={baseImage}")
            .WithArguments("--label", $"org.opencontainers.image.revision={revision.Sha}")
            .WithArguments(
                "--label",
                "org.opencontainers.image.created="
                    + revision.CommitTime.UtcDateTime.ToString(
                        "yyyy-MM-ddTHH:mm:ssZ",
                        CultureInfo.InvariantCulture
                    )
            )
            .WithArguments("--label", $"org.opencontainers.image.version={revision.ShortSha}")
            .WithArguments("--label", "org.opencontainers.image.title=web")
            .WithArguments("--tag", $"localhost/pipelines/web:{revision.ShortSha}")
            .WithArguments("--tag", $"localhost/pipelines/web:{tag}")
            .WithArguments(context);
        await ToolRunner.Default.RunAsync(bud, ToolOutput.Capture, ct);
        var digestFile = workspace / $"digest-{tag}";
        var push = Buildah(workspace)
            .WithArguments("push", "--retry", "0", "--digestfile", digestFile, "--tls-verify=false")
            .WithArguments(
                $"localhost/pipelines/web:{revision.ShortSha}",
                $"docker://{registry}/web:{tag}"
            );
        await ToolRunner.Default.RunAsync(push, ToolOutput.Capture, ct);
    }

    /// <summary>The FROM-scratch busybox base (samples/base), built in storage of its own and pushed.</summary>
    private static async Task<string> PushBaseAsync(
        AbsolutePath repositoryRoot,
        AbsolutePath workspace,
        string registry,
        CancellationToken ct
    )
    {
        var context = workspace / "base";
        Directory.CreateDirectory(context / "bin");
        File.Copy("/bin/busybox", context / "bin" / "busybox");
        File.Copy(repositoryRoot / "samples" / "base" / "Dockerfile", context / "Dockerfile");
        var image = $"{registry}/base:busybox";
        var buildah = ToolCommand
            .For("buildah")
            .WithArguments("--root", workspace / "base-storage" / "root")
            .WithArguments("--runroot", workspace / "base-storage" / "runroot");
        await ToolRunner.Default.RunAsync(
            buildah.WithArguments("bud", "--isolation", "chroot", "--tag", image, context),
            ToolOutput.Capture,
            ct
        );
        await ToolRunner.Default.RunAsync(
            buildah.WithArguments("push", "--tls-verify=false", image, $"docker://{image}"),
            ToolOutput.Capture,
            ct
        );
        return image;
    }

    /// <summary>A build root of its own: samples/web in a fresh git repository with one commit.</summary>
    private static async Task<GitRevision> CreateRepositoryAsync(
        AbsolutePath repositoryRoot,
        AbsolutePath workspace,
        CancellationToken ct
    )
    {
        var from = repositoryRoot / "samples" / "web";
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = workspace / "samples" / "web" / Path.GetRelativePath(from, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var git = new GitCli(workspace);
        string[] identity = ["-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.com"];
        await git.RunAsync(ct, [.. identity, "init", "--quiet"]);
        await git.RunAsync(ct, [.. identity, "add", "samples"]);
        await git.RunAsync(ct, [.. identity, "commit", "--quiet", "-m", "image benchmark"]);
        return await GitRevision.ReadAsync(workspace, ct);
    }

    private static async Task<string> ImageIdAsync(
        AbsolutePath workspace,
        string tag,
        CancellationToken ct
    )
    {
        var result = await ToolRunner.Default.RunAsync(
            Buildah(workspace)
                .WithArguments(
                    "images",
                    "--no-trunc",
                    "--format",
                    "{{.ID}}",
                    $"localhost/pipelines/web:{tag}"
                ),
            ToolOutput.Capture,
            ct
        );
        return result.StandardOutput.Trim();
    }

    /// <summary>The storage the targets use: <c>.nuke/temp/buildah</c> of the build root.</summary>
    private static ToolCommand Buildah(AbsolutePath workspace) =>
        ToolCommand
            .For("buildah")
            .WithArguments(
                "--root",
                workspace / ".nuke" / "temp" / "buildah" / "root",
                "--runroot",
                workspace / ".nuke" / "temp" / "buildah" / "runroot"
            );

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed;
    }

    private static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The smallest build with the component, as build/Build.Images.cs composes it.</summary>
    private sealed class BenchmarkBuild : PipelineBuild, IContainerImage;
}
