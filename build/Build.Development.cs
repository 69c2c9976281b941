using Pipelines.DotNet;
using Pipelines.Engine;

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
            _.Description(
                    "Compile every project: the libraries, the build, the tests and the benchmarks"
                )
                .Executes(ct => DotNet.BuildAsync(Solution, ct));

    Target Test =>
        _ =>
            _.Description("Run the test suite (unit, end-to-end against real processes)")
                .DependsOn(Compile)
                .Executes(async ct =>
                {
                    var counts = await DotNet.TestAsync(
                        Solution,
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
                .Executes(ct => RunBenchmarkAsync("startup", BenchmarkRuns, ct));

    Target BenchmarkRender =>
        _ =>
            _.Description(
                    "Measure RenderHelmfile: cold against a sequential helm loop, warm against cold"
                )
                .Executes(ct => RunBenchmarkAsync("render", BenchmarkReleases, ct));

    Target BenchmarkSync =>
        _ =>
            _.Description(
                    "Measure Sync on 2,000 generated objects against the test API server (5 ms per request)"
                )
                .Executes(ct => RunBenchmarkAsync("sync", 0, ct));

    Target BenchmarkImage =>
        _ =>
            _.Description(
                    "Measure BuildImage+PushImage of samples/web against raw buildah bud + buildah push"
                )
                .Executes(ct => RunBenchmarkAsync("image", 7, ct));

    Target BenchmarkBump =>
        _ =>
            _.Description(
                    "Measure 16 concurrent BumpK8sConfig runs against 16 sequential ones on one bare repo"
                )
                .Executes(ct => RunBenchmarkAsync("bump", 16, ct));

    /// <summary>
    /// Benchmarks live in bench/, outside the build and the package; each prints its measurements and the ratios
    /// of one run.
    /// </summary>
    Task RunBenchmarkAsync(string name, int count, CancellationToken ct) =>
        Pipelines.Tools.ToolRunner.Default.RunAsync(
            DotNet.Command([
                "run",
                "--project",
                RootDirectory / "bench" / "Pipelines.Benchmarks",
                "-c",
                "Release",
                "--",
                name,
                count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--root",
                RootDirectory,
            ]),
            cancellationToken: ct
        );
}
