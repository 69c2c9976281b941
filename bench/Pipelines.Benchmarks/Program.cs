using System.Globalization;
using Pipelines.Benchmarks;
using Pipelines.Benchmarks.Bump;
using Pipelines.Benchmarks.Image;
using Pipelines.Benchmarks.Render;
using Pipelines.Benchmarks.Startup;
using Pipelines.Benchmarks.Sync;
using Pipelines.Engine;

// One entry for every benchmark: dotnet run -c Release -- <startup|render|sync|image|bump> [count] [--root <dir>].
// The build's Benchmark* targets run it; each benchmark prints its numbers and the ratios of this one run.
var name = args.FirstOrDefault() ?? "";
var count =
    args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 0;
var rootIndex = Array.IndexOf(args, "--root");
var root = AbsolutePath.Create(
    rootIndex >= 0 && rootIndex + 1 < args.Length
        ? args[rootIndex + 1]
        : Directory.GetCurrentDirectory()
);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var ct = cancellation.Token;

switch (name)
{
    case "startup":
        await StartupReport.RunAsync(root, count > 0 ? count : 5, ct);
        return 0;
    case "render":
        await RenderReport.RunAsync(root, count > 0 ? count : 60, ct);
        return 0;
    case "sync":
        await SyncReport.RunAsync(ct);
        return 0;
    case "image":
        await ImageReport.RunAsync(root, count > 0 ? count : 7, ct);
        return 0;
    case "bump":
        await BumpReport.RunAsync(root, count > 0 ? count : 16, ct);
        return 0;
    default:
        Console.Error.WriteLine(
            $"Unknown benchmark '{name}'. Use one of: startup, render, sync, image, bump (then an optional count and --root <dir>)."
        );
        return 2;
}
