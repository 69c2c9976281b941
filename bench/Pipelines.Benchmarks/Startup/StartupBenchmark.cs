using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Benchmarks.Startup;

/// <summary>
/// Warm start of <c>./build.sh --help</c> (stamp check, then the compiled build directly) against
/// <c>dotnet run --project build -- --help</c> (NUKE's way: MSBuild on every start), measured side by side in
/// one run, because these machines are too noisy for absolute thresholds.
/// </summary>
public static class StartupBenchmark
{
    public sealed record Result(TimeSpan Bootstrap, TimeSpan DotNetRun, int Runs)
    {
        public double Ratio => Bootstrap.TotalMilliseconds / DotNetRun.TotalMilliseconds;
    }

    public static async Task<Result> RunAsync(
        AbsolutePath root,
        int runs,
        CancellationToken cancellationToken
    )
    {
        var bootstrap = ToolCommand
            .For(root / "build.sh")
            .WithArguments("--help")
            .WithWorkingDirectory(root);
        // The formatter is bypassed so the baseline times dotnet run itself, not this repository's formatter.
        var dotnetRun = ToolCommand
            .For("dotnet")
            .WithArguments(
                "run",
                "--project",
                root / "build",
                "-p:CSharpier_Bypass=true",
                "--",
                "--help"
            )
            .WithWorkingDirectory(root);
        var bootstrapMedian = await MedianAsync(bootstrap, runs, cancellationToken);
        var dotnetRunMedian = await MedianAsync(dotnetRun, runs, cancellationToken);
        return new Result(bootstrapMedian, dotnetRunMedian, runs);
    }

    private static async Task<TimeSpan> MedianAsync(
        ToolCommand command,
        int runs,
        CancellationToken cancellationToken
    )
    {
        Log.Info($"warming up: {command.CommandLine}");
        await ToolRunner.Default.RunAsync(command, ToolOutput.Capture, cancellationToken);
        var samples = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var result = await ToolRunner.Default.RunAsync(
                command,
                ToolOutput.Capture,
                cancellationToken
            );
            samples.Add(result.Duration);
            Log.Info($"  run {i + 1}: {result.Duration.TotalMilliseconds:F0} ms");
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
