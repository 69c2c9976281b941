using System.Diagnostics;
using Pipelines.ConfigRepo;
using Pipelines.Engine;
using Pipelines.Tools.Git;

namespace Pipelines.Benchmarks.Bump;

/// <summary>
/// 16 BumpK8sConfig runs of 16 apps against one real bare config repo, all at once and then one after another, in
/// the same run. Concurrent bumps lose push races and redo their edit on the new HEAD; the ratio says what that
/// costs against no contention at all, and the retry count says how often it happened.
/// </summary>
public static class BumpBenchmark
{
    public sealed record Result(
        int Apps,
        TimeSpan Sequential,
        TimeSpan Concurrent,
        int Retries,
        int Commits
    )
    {
        public double Ratio => Concurrent / Sequential;
    }

    public static async Task<Result> RunAsync(
        AbsolutePath repositoryRoot,
        int apps,
        CancellationToken ct
    )
    {
        var workspace = AbsolutePath.Create(
            Path.Combine(Path.GetTempPath(), $"bump-benchmark-{Guid.NewGuid():N}")
        );
        try
        {
            var names = Enumerable.Range(1, apps).Select(i => $"app{i:00}").ToList();
            var bare = await SeedAsync(repositoryRoot, workspace, names, ct);
            var stopwatch = Stopwatch.StartNew();
            foreach (var app in names)
            {
                await BumpAsync(workspace, bare, app, "seq", ct);
            }
            var sequential = stopwatch.Elapsed;
            stopwatch.Restart();
            var outputs = await Task.WhenAll(
                names.Select(app => BumpAsync(workspace, bare, app, "con", ct))
            );
            var concurrent = stopwatch.Elapsed;
            var retries = outputs.Sum(o => CountOf(o, "moved while we edited"));
            var commits = await GitAsync(bare, ct, "rev-list", "--count", "main");
            return new Result(apps, sequential, concurrent, retries, int.Parse(commits, null));
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static async Task<string> BumpAsync(
        AbsolutePath workspace,
        string bare,
        string app,
        string round,
        CancellationToken ct
    )
    {
        var digest =
            "sha256:"
            + Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(
                    System.Text.Encoding.UTF8.GetBytes(app + round)
                )
            );
        string[] args =
        [
            "BumpK8sConfig",
            "--app",
            app,
            "--env",
            "stage",
            "--config-repo",
            bare,
            "--image",
            $"registry.example/{app}:{round}-{app}@{digest}",
        ];
        return await BuildRunner.RunCapturedAsync(() => new BenchmarkBuild(), args, workspace, ct);
    }

    /// <summary>The workspace gets the repository's helmfile/ (for --env), the bare repo the same plus 16 apps' values.</summary>
    private static async Task<string> SeedAsync(
        AbsolutePath repositoryRoot,
        AbsolutePath workspace,
        IReadOnlyList<string> apps,
        CancellationToken ct
    )
    {
        var seed = workspace / "seed";
        Copy(repositoryRoot / "helmfile", seed / "helmfile");
        Copy(repositoryRoot / "helmfile", workspace / "helmfile");
        Directory.CreateDirectory(workspace / ".nuke");
        foreach (var app in apps)
        {
            var file = seed / "helmfile" / "values" / "apps" / app / "stage.yaml";
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(
                file,
                $"# {app}\nimage:\n  repository: registry.example/{app}\n  tag: \"0\"\n",
                ct
            );
        }
        var bare = workspace / "config.git";
        await GitAsync(workspace, ct, "init", "--quiet", "--bare", "--initial-branch=main", bare);
        await GitAsync(seed, ct, "init", "--quiet", "--initial-branch=main");
        await GitAsync(seed, ct, "add", "--all");
        await GitAsync(
            seed,
            ct,
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@localhost",
            "commit",
            "--quiet",
            "-m",
            "seed"
        );
        await GitAsync(seed, ct, "push", "--quiet", bare, "main");
        return bare;
    }

    private static Task<string> GitAsync(
        string directory,
        CancellationToken ct,
        params string[] arguments
    ) => new GitCli(directory).RunAsync(ct, arguments);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (
            var i = text.IndexOf(what, StringComparison.Ordinal);
            i >= 0;
            i = text.IndexOf(what, i + 1, StringComparison.Ordinal)
        )
        {
            count++;
        }
        return count;
    }

    private sealed class BenchmarkBuild : PipelineBuild, IBumpK8sConfig;
}
