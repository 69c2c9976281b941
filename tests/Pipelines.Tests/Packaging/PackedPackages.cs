using Pipelines.Tests.Bootstrap;

namespace Pipelines.Tests.Packaging;

/// <summary>
/// Pipelines and Pipelines.Templates packed once for every test in the collection, as <c>./build.sh Pack</c> packs
/// them (<c>dotnet pack</c> of each project, one after the other, with <c>-p:Version=</c>), from a copy of the
/// repository so neither the repository's bin/ and obj/ nor its sources are touched. The version is unique to the
/// run (<c>0.0.0-test.r&lt;hex&gt;</c>, below every release), so no Pipelines of an earlier run, in any package
/// folder, can stand in for the one packed here.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    private RepositoryCopy? _sources;

    public string Root { get; } = RepositoryCopy.NewTemporaryDirectory("packed");

    /// <summary>The folder both packages are packed into: a NuGet source as <c>--package-source</c> takes it.</summary>
    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; } = "0.0.0-test.r" + Guid.NewGuid().ToString("N")[..12];

    public string PipelinesPackage => Path.Combine(Feed, $"Pipelines.{Version}.nupkg");

    public string TemplatesPackage => Path.Combine(Feed, $"Pipelines.Templates.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        try
        {
            // The templates package takes build.sh, build.ps1, global.json and samples/web from the repository.
            _sources = RepositoryCopy.Create("package-sources").With("templates", "samples/web");
            foreach (
                var project in new[]
                {
                    "pipelines/Pipelines/Pipelines.csproj",
                    "templates/Pipelines.Templates.csproj",
                }
            )
            {
                var pack = await ChildProcess.RunAsync(
                    "dotnet",
                    ["pack", project, "-o", Feed, "--nologo", "-v", "q", $"-p:Version={Version}"],
                    _sources.Path,
                    timeout: ChildProcess.ColdCompileTimeout
                );
                Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed: {pack.Describe()}");
            }
            Assert.True(File.Exists(PipelinesPackage), string.Join("\n", Directory.GetFiles(Feed)));
            Assert.True(File.Exists(TemplatesPackage), string.Join("\n", Directory.GetFiles(Feed)));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task DisposeAsync()
    {
        _sources?.Dispose();
        RepositoryCopy.DeleteDirectory(Root);
        return Task.CompletedTask;
    }
}

/// <summary>The tests that consume the packed packages share one pack (and so run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
