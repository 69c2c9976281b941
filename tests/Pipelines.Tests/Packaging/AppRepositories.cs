using System.Collections;
using Pipelines.Tests.Bootstrap;
using Pipelines.Tests.ConfigRepo;
using Pipelines.TestServers;

namespace Pipelines.Tests.Packaging;

/// <summary>
/// An application team's first commands, done once: the template installed from the packed Pipelines.Templates into a
/// dotnet home of its own, then two app repositories (web2, api) made by <c>dotnet new pipelines-app</c> against one
/// bare config repository (this repository's helmfile/ and charts/), each committed and compiled by a cold
/// <c>./build.sh --help</c>, side by side. Offline: every child's HTTP goes to a proxy nobody answers, NuGet restores
/// into a packages folder of the run's own from the packed feed and, read-only, the machine's package folder, so
/// nothing reaches a registry and nothing lands in the machine's folders. Dispose deletes it all.
/// </summary>
public sealed class AppRepositories(PackedPackages packages) : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> Apps = ["web2", "api"];

    /// <summary>Nothing listens on port 9 (discard): a child that tries the network fails at once.</summary>
    private const string Nowhere = "http://127.0.0.1:9";

    public string Root { get; } = RepositoryCopy.NewTemporaryDirectory("app-repos");

    public string Version => packages.Version;

    /// <summary>NuGet's global packages folder for every child: the app repositories share one restore.</summary>
    public string Packages => Path.Combine(Root, "packages");

    private string DotNetHome => Path.Combine(Root, "dotnet-home");

    internal BumpWorkspace ConfigRepo { get; private set; } = null!;

    /// <summary>Each app's cold <c>./build.sh --help</c>, which restored and compiled its build.</summary>
    internal IReadOnlyDictionary<string, ProcessResult> ColdHelp { get; private set; } =
        new Dictionary<string, ProcessResult>();

    public string RepositoryOf(string app) => Path.Combine(Root, app);

    public async Task InitializeAsync()
    {
        try
        {
            await CreateAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task CreateAsync()
    {
        ConfigRepo = await BumpWorkspace.CreateAsync(ProjectFiles("charts"));
        Directory.CreateDirectory(DotNetHome);
        var install = await RunAsync("dotnet", ["new", "install", packages.TemplatesPackage], Root);
        Assert.True(install.ExitCode == 0, "dotnet new install failed: " + install.Describe());
        foreach (var app in Apps)
        {
            var created = await RunAsync(
                "dotnet",
                [
                    "new",
                    "pipelines-app",
                    "-o",
                    RepositoryOf(app),
                    "--app",
                    app,
                    "--config-repo",
                    ConfigRepo.Repo.Path,
                    "--package-source",
                    packages.Feed,
                    // Offline, dotnet's own check for a newer template package only waits ~6 s for nothing.
                    "--no-update-check",
                ],
                Root
            );
            Assert.True(
                created.ExitCode == 0,
                "dotnet new pipelines-app failed: " + created.Describe()
            );
            await GitAsync(app, "init", "--quiet", "--initial-branch=main");
            await GitAsync(app, "add", "--all");
            await GitAsync(app, "commit", "--quiet", "-m", $"{app} from pipelines-app");
        }
        var help = await Task.WhenAll(
            Apps.Select(app => RunBuildAsync(app, ChildProcess.ColdCompileTimeout, "--help"))
        );
        ColdHelp = Apps.Zip(help).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    /// <summary>Runs the app repository's <c>./build.sh</c> in its root.</summary>
    internal Task<ProcessResult> RunBuildAsync(
        string app,
        TimeSpan timeout,
        params string[] arguments
    ) =>
        RunAsync(
            Path.Combine(RepositoryOf(app), "build.sh"),
            arguments,
            RepositoryOf(app),
            timeout
        );

    private Task<ProcessResult> RunAsync(
        string fileName,
        string[] arguments,
        string workingDirectory,
        TimeSpan? timeout = null
    ) => ChildProcess.RunAsync(fileName, arguments, workingDirectory, Offline(), timeout);

    /// <summary>The children's environment: a dotnet home and packages folder of the run's own, and no network.</summary>
    private Dictionary<string, string?> Offline()
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = DotNetHome,
            ["NUGET_PACKAGES"] = Packages,
            // Read in place, never written: the dependencies this repository's own restore already brought.
            ["NUGET_FALLBACK_PACKAGES"] = MachinePackages(),
            ["HTTP_PROXY"] = Nowhere,
            ["HTTPS_PROXY"] = Nowhere,
            ["http_proxy"] = Nowhere,
            ["https_proxy"] = Nowhere,
            // The test's registry is on loopback.
            ["NO_PROXY"] = "127.0.0.1,localhost",
            ["no_proxy"] = "127.0.0.1,localhost",
        };
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (((string)variable.Key).StartsWith("PIPELINES_", StringComparison.Ordinal))
            {
                environment[(string)variable.Key] = null;
            }
        }
        return environment;
    }

    /// <summary>The machine's NuGet global packages folder, where this repository's restore put its dependencies.</summary>
    private static string MachinePackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".nuget",
                "packages"
            );

    private Task<string> GitAsync(string app, params string[] arguments) =>
        BareConfigRepo.GitAsync(
            RepositoryOf(app),
            ["-c", "user.name=Tests", "-c", "user.email=tests@example.com", .. arguments]
        );

    /// <summary>A folder of this repository as config-repo files, by path relative to the repository.</summary>
    private static Dictionary<string, string> ProjectFiles(string folder) =>
        Directory
            .GetFiles(Path.Combine(RepositoryRoot.Path, folder), "*", SearchOption.AllDirectories)
            .ToDictionary(
                file => Path.GetRelativePath(RepositoryRoot.Path, file),
                File.ReadAllText,
                StringComparer.Ordinal
            );

    public Task DisposeAsync()
    {
        if (ConfigRepo is not null)
        {
            ConfigRepo.Dispose();
        }
        RepositoryCopy.DeleteDirectory(Root);
        return Task.CompletedTask;
    }
}
