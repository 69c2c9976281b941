using Pipelines.Benchmarks.Bump;
using Pipelines.Benchmarks.Image;
using Pipelines.Benchmarks.Render;
using Pipelines.Benchmarks.Startup;
using Pipelines.Engine;

namespace Pipelines.Benchmarks;

/// <summary>Warm start: ./build.sh --help against dotnet run --project build -- --help.</summary>
internal static class StartupReport
{
    public static async Task RunAsync(AbsolutePath root, int runs, CancellationToken ct)
    {
        var result = await StartupBenchmark.RunAsync(root, runs, ct);
        Console.WriteLine($"Warm start, median of {result.Runs} runs each:");
        Console.WriteLine(
            $"  ./build.sh --help                         {result.Bootstrap.TotalMilliseconds, 7:F0} ms"
        );
        Console.WriteLine(
            $"  dotnet run --project build -- --help      {result.DotNetRun.TotalMilliseconds, 7:F0} ms"
        );
        Console.WriteLine($"  ratio {result.Ratio:F3} (target: at most 0.2)");
    }
}

/// <summary>RenderHelmfile: cold against a sequential helm loop, warm against cold.</summary>
internal static class RenderReport
{
    public static async Task RunAsync(AbsolutePath root, int releases, CancellationToken ct)
    {
        var result = await RenderBenchmark.RunAsync(root, releases, ct);
        Console.WriteLine($"{result.Renders} renders ({releases} releases x 3 environments):");
        Console.WriteLine(
            $"  sequential helm template loop   {result.Sequential.TotalMilliseconds, 8:F0} ms"
        );
        Console.WriteLine(
            $"  RenderHelmfile, cold            {result.Cold.TotalMilliseconds, 8:F0} ms"
        );
        Console.WriteLine(
            $"  RenderHelmfile, warm            {result.Warm.TotalMilliseconds, 8:F0} ms"
        );
        Console.WriteLine($"  cold / sequential  {result.ColdRatio:F3} (target: at most 0.6)");
        Console.WriteLine($"  warm / cold        {result.WarmRatio:F3} (target: at most 0.05)");
    }
}

/// <summary>BuildImage+PushImage of samples/web against raw buildah bud + buildah push.</summary>
internal static class ImageReport
{
    public static async Task RunAsync(AbsolutePath root, int runs, CancellationToken ct)
    {
        var result = await ImageBenchmark.RunAsync(root, runs, ct);
        static string Runs(IReadOnlyList<TimeSpan> samples) =>
            string.Join(" ", samples.Select(r => $"{r.TotalMilliseconds:F0}"));
        Console.WriteLine(
            $"Build + push of samples/web to {result.Registry}, warm layer cache, a new tag per run, median of {result.Runs}:"
        );
        Console.WriteLine(
            $"  PushImage (BuildImage + PushImage)      {result.Targets.TotalMilliseconds, 7:F0} ms  (runs: {Runs(result.TargetRuns)})"
        );
        Console.WriteLine(
            $"  buildah bud + buildah push, same flags  {result.Raw.TotalMilliseconds, 7:F0} ms  (runs: {Runs(result.RawRuns)})"
        );
        Console.WriteLine($"  same image from both: {(result.SameImage ? "yes" : "NO")}");
        Console.WriteLine($"  targets / raw  {result.Ratio:F3} (target: at most 1.15)");
    }
}

/// <summary>Concurrent BumpK8sConfig runs against sequential ones on one bare repository.</summary>
internal static class BumpReport
{
    public static async Task RunAsync(AbsolutePath root, int apps, CancellationToken ct)
    {
        var result = await BumpBenchmark.RunAsync(root, apps, ct);
        Console.WriteLine(
            $"{result.Apps} bumps of {result.Apps} apps into one bare config repo (real git, in process):"
        );
        Console.WriteLine($"  one after another  {result.Sequential.TotalMilliseconds, 7:F0} ms");
        Console.WriteLine(
            $"  all at once        {result.Concurrent.TotalMilliseconds, 7:F0} ms  ({result.Retries} lost push races redone on the new HEAD)"
        );
        Console.WriteLine(
            $"  commits on main    {result.Commits} (1 seed + {2 * result.Apps} bumps: none lost)"
        );
        Console.WriteLine($"  concurrent / sequential  {result.Ratio:F3}");
    }
}
