using System.Diagnostics;
using Pipelines.Engine;
using Pipelines.GoTemplates;
using Pipelines.Helmfile;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Tools;
using Pipelines.Tools.Helm;

namespace Pipelines.Benchmarks.Render;

/// <summary>
/// Measures RenderHelmfile on a generated config (releases × 3 environments) against a plain sequential
/// <c>helm template</c> loop over the same releases, and a warm render (nothing changed) against the cold one,
/// all in one run so the ratios hold on a noisy machine.
/// </summary>
public static class RenderBenchmark
{
    public sealed record Result(int Renders, TimeSpan Sequential, TimeSpan Cold, TimeSpan Warm)
    {
        public double ColdRatio => Cold / Sequential;
        public double WarmRatio => Warm / Cold;
    }

    public static async Task<Result> RunAsync(
        AbsolutePath repositoryRoot,
        int releases,
        CancellationToken cancellationToken
    )
    {
        var workspace = AbsolutePath.Create(
            Path.Combine(Path.GetTempPath(), $"render-benchmark-{Guid.NewGuid():N}")
        );
        try
        {
            GeneratedConfig.Write(workspace, repositoryRoot / "charts" / "app", releases);
            var tools = repositoryRoot / ".nuke" / "temp" / "tools";
            var helm = await HelmInstaller.EnsureAsync(tools, cancellationToken);

            var sequential = await TimeAsync(() =>
                SequentialLoopAsync(workspace, helm, releases, cancellationToken)
            );
            var cold = await TimeAsync(() => RenderAllAsync(workspace, tools, cancellationToken));
            var warm = await TimeAsync(() => RenderAllAsync(workspace, tools, cancellationToken));
            return new Result(
                releases * GeneratedConfig.Environments.Length,
                sequential,
                cold,
                warm
            );
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>The baseline: what a shell loop over the releases would do, one helm process after another.</summary>
    private static async Task SequentialLoopAsync(
        AbsolutePath root,
        string helm,
        int releases,
        CancellationToken cancellationToken
    )
    {
        var home = root / ".nuke" / "temp" / "helm-baseline";
        foreach (var environment in GeneratedConfig.Environments)
        {
            for (var i = 0; i < releases; i++)
            {
                var name = $"svc{i:D3}";
                var command = ToolCommand
                    .For(helm)
                    .WithEnvironment("HELM_CACHE_HOME", home / "cache")
                    .WithEnvironment("HELM_CONFIG_HOME", home / "config")
                    .WithEnvironment("HELM_DATA_HOME", home / "data")
                    .WithArguments(
                        "template",
                        name,
                        root / "charts" / "app",
                        "--namespace",
                        $"team{i % 6}"
                    )
                    .WithArguments("--kube-version", "v1.33.0", "--include-crds", "--skip-tests")
                    .WithArguments(
                        "--values",
                        root / "helmfile" / "values" / "apps" / $"{name}.yaml"
                    );
                await ToolRunner.Default.RunAsync(command, ToolOutput.Capture, cancellationToken);
            }
        }
    }

    private static async Task RenderAllAsync(
        AbsolutePath root,
        AbsolutePath tools,
        CancellationToken cancellationToken
    )
    {
        var renderer = new HelmfileRenderer(
            root,
            HelmfileTemplates.Context(_ => null),
            references: null
        )
        {
            ToolsDirectory = tools,
        };
        foreach (var environment in GeneratedConfig.Environments)
        {
            var options = new RenderOptions(environment, null, [], NeedsGraph.Include.None);
            var result = await renderer.RenderAsync(
                root / "helmfile" / "helmfile.yaml",
                root / "helmfile" / "clusters.yaml",
                options,
                cancellationToken
            );
            await RenderOutput.WriteAsync(
                root / ".nuke" / "temp" / "rendered",
                result,
                complete: true,
                write: true,
                cancellationToken
            );
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed;
    }
}
