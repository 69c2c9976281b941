using Pipelines.ConfigRepo.Benchmarks;
using Pipelines.DotNet;
using Pipelines.Engine;
using Pipelines.Helmfile.Benchmarks;
using Pipelines.Images.Benchmarks;

/// <summary>Targets that build, test, pack and measure the suite itself.</summary>
partial class Build
{
    [Parameter("Test filter, as dotnet test --filter takes it (e.g. FullyQualifiedName~Planner)")]
    readonly string? TestFilter;

    [Parameter("Runs per command for Benchmark (median taken)")]
    readonly int BenchmarkRuns = 5;

    [Parameter("Releases per environment in BenchmarkRender's generated config")]
    readonly int BenchmarkReleases = 60;

    Target Compile =>
        _ =>
            _.Description("Compile the library, the build and the tests")
                .Executes(async ct =>
                {
                    await DotNet.BuildAsync(PipelinesProject, ct);
                    await DotNet.BuildAsync(TestProject, ct);
                });

    Target Test =>
        _ =>
            _.Description("Run the test suite (unit, end-to-end against real processes)")
                .DependsOn(Compile)
                .Executes(async ct =>
                {
                    var counts = await DotNet.TestAsync(
                        TestProject,
                        RootDirectory / ".nuke" / "temp" / "test-results",
                        TestFilter,
                        ct
                    );
                    Console.WriteLine($"Tests: {counts}");
                    Report("tests", counts);
                    if (counts.Failed > 0)
                    {
                        throw new Exception($"{counts.Failed} test(s) failed.");
                    }
                });

    Target Pack =>
        _ =>
            _.Description(
                    "Pack Pipelines and Pipelines.Templates (dotnet new pipelines-app) into .nuke/temp/artifacts, versioned from git"
                )
                .DependsOn(Compile)
                .Executes(async ct =>
                {
                    var version = await PackageVersion.ReadAsync(RootDirectory, ct);
                    // One at a time: both restore, and two restores of one repository race on obj/.
                    await DotNet.PackAsync(PipelinesProject, ArtifactsDirectory, ct, version);
                    await DotNet.PackAsync(TemplatesProject, ArtifactsDirectory, ct, version);
                    Console.WriteLine(
                        $"Packed Pipelines and Pipelines.Templates {version} into {ArtifactsDirectory.RelativeTo(RootDirectory)}"
                    );
                    Report("version", version);
                });

    Target GenerateSchema =>
        _ =>
            _.Description(
                    "Regenerate .nuke/build.schema.json from the build's parameters and targets"
                )
                .Executes(async ct =>
                {
                    var path = RootDirectory / SchemaGenerator.RelativePath;
                    if (DryRun)
                    {
                        Console.WriteLine(
                            $"--dry-run: would write {path.RelativeTo(RootDirectory)}:"
                        );
                        Console.WriteLine(SchemaGenerator.Generate(new Build(), RootDirectory));
                        return;
                    }
                    await AtomicFile.WriteAllTextAsync(
                        path,
                        SchemaGenerator.Generate(new Build(), RootDirectory),
                        ct
                    );
                });

    Target Benchmark =>
        _ =>
            _.Description(
                    "Measure warm start: ./build.sh --help against dotnet run --project build -- --help"
                )
                .Executes(async ct =>
                {
                    var result = await StartupBenchmark.RunAsync(RootDirectory, BenchmarkRuns, ct);
                    Console.WriteLine($"Warm start, median of {result.Runs} runs each:");
                    Console.WriteLine(
                        $"  ./build.sh --help                         {result.Bootstrap.TotalMilliseconds, 7:F0} ms"
                    );
                    Console.WriteLine(
                        $"  dotnet run --project build -- --help      {result.DotNetRun.TotalMilliseconds, 7:F0} ms"
                    );
                    Console.WriteLine($"  ratio {result.Ratio:F3} (target: at most 0.2)");
                    Report("ratio", result.Ratio.ToString("F3"));
                    Report("warm start", $"{result.Bootstrap.TotalMilliseconds:F0} ms");
                });

    Target BenchmarkRender =>
        _ =>
            _.Description(
                    "Measure RenderHelmfile: cold against a sequential helm loop, warm against cold"
                )
                .Executes(async ct =>
                {
                    var result = await RenderBenchmark.RunAsync(
                        RootDirectory,
                        BenchmarkReleases,
                        ct
                    );
                    Console.WriteLine(
                        $"{result.Renders} renders ({BenchmarkReleases} releases x 3 environments):"
                    );
                    Console.WriteLine(
                        $"  sequential helm template loop   {result.Sequential.TotalMilliseconds, 8:F0} ms"
                    );
                    Console.WriteLine(
                        $"  RenderHelmfile, cold            {result.Cold.TotalMilliseconds, 8:F0} ms"
                    );
                    Console.WriteLine(
                        $"  RenderHelmfile, warm            {result.Warm.TotalMilliseconds, 8:F0} ms"
                    );
                    Console.WriteLine(
                        $"  cold / sequential  {result.ColdRatio:F3} (target: at most 0.6)"
                    );
                    Console.WriteLine(
                        $"  warm / cold        {result.WarmRatio:F3} (target: at most 0.05)"
                    );
                    Report("cold/sequential", result.ColdRatio.ToString("F3"));
                    Report("warm/cold", result.WarmRatio.ToString("F3"));
                });

    Target BenchmarkSync =>
        _ =>
            _.Description(
                    "Measure Sync on 2,000 generated objects against the test API server (5 ms per request)"
                )
                .Executes(async ct =>
                {
                    // The test API server lives in the test project, so the benchmark is its own console
                    // project (bench/SyncBench); it prints every measurement and ratio of one run.
                    await Pipelines.Tools.ToolRunner.Default.RunAsync(
                        DotNet.Command(
                            "run",
                            "--project",
                            RootDirectory / "bench" / "SyncBench",
                            "-c",
                            "Release"
                        ),
                        cancellationToken: ct
                    );
                });

    Target BenchmarkImage =>
        _ =>
            _.Description(
                    "Measure BuildImage+PushImage of samples/web against raw buildah bud + buildah push"
                )
                .Executes(async ct =>
                {
                    var result = await ImageBenchmark.RunAsync(RootDirectory, 7, ct);
                    static string Runs(IReadOnlyList<TimeSpan> runs) =>
                        string.Join(" ", runs.Select(r => $"{r.TotalMilliseconds:F0}"));
                    Console.WriteLine(
                        $"Build + push of samples/web to {result.Registry}, warm layer cache, a new tag per run, median of {result.Runs}:"
                    );
                    Console.WriteLine(
                        $"  PushImage (BuildImage + PushImage)      {result.Targets.TotalMilliseconds, 7:F0} ms  (runs: {Runs(result.TargetRuns)})"
                    );
                    Console.WriteLine(
                        $"  buildah bud + buildah push, same flags  {result.Raw.TotalMilliseconds, 7:F0} ms  (runs: {Runs(result.RawRuns)})"
                    );
                    Console.WriteLine(
                        $"  same image from both: {(result.SameImage ? "yes" : "NO")}"
                    );
                    Console.WriteLine($"  targets / raw  {result.Ratio:F3} (target: at most 1.15)");
                    Report("targets/raw", result.Ratio.ToString("F3"));
                });

    Target BenchmarkBump =>
        _ =>
            _.Description(
                    "Measure 16 concurrent BumpK8sConfig runs against 16 sequential ones on one bare repo"
                )
                .Executes(async ct =>
                {
                    var result = await BumpBenchmark.RunAsync(RootDirectory, 16, ct);
                    Console.WriteLine(
                        $"{result.Apps} bumps of {result.Apps} apps into one bare config repo (real git, in process):"
                    );
                    Console.WriteLine(
                        $"  one after another  {result.Sequential.TotalMilliseconds, 7:F0} ms"
                    );
                    Console.WriteLine(
                        $"  all at once        {result.Concurrent.TotalMilliseconds, 7:F0} ms  ({result.Retries} lost push races redone on the new HEAD)"
                    );
                    Console.WriteLine(
                        $"  commits on main    {result.Commits} (1 seed + {2 * result.Apps} bumps: none lost)"
                    );
                    Console.WriteLine($"  concurrent / sequential  {result.Ratio:F3}");
                    Report("concurrent/sequential", result.Ratio.ToString("F3"));
                    Report("retries", result.Retries);
                });
}
