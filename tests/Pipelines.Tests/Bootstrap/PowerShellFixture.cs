using Pipelines.TestServers;
using Pipelines.Tools;

namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// Real PowerShell (the dotnet tool PowerShell 7.6.10, which ./build.sh Test installs into .nuke/temp/tools/pwsh
/// before the tests run) and one copy of the repository, compiled once by a cold <c>build.ps1 --help</c>.
/// </summary>
public sealed class PowerShellFixture : IAsyncLifetime
{
    public const string CompilingMessage = "build.ps1: compiling the build";

    internal string Pwsh { get; private set; } = null!;

    internal RepositoryCopy Copy { get; private set; } = null!;

    /// <summary>The first run against the copy: it had no compiled build, so it compiled one.</summary>
    internal ProcessResult ColdHelp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pwsh = await FindOrInstallAsync();
        Copy = RepositoryCopy.Create("ps1");
        ColdHelp = await RunAsync(Copy.Path, ["--help"], timeout: ChildProcess.ColdCompileTimeout);
    }

    public Task DisposeAsync()
    {
        Copy?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>pwsh -File build.ps1</c> (given relative to <paramref name="workingDirectory"/>).</summary>
    internal Task<ProcessResult> RunAsync(
        string workingDirectory,
        string[] arguments,
        string script = "./build.ps1",
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null
    ) =>
        ChildProcess.RunAsync(
            Pwsh,
            ["-NoLogo", "-NoProfile", "-NonInteractive", "-File", script, .. arguments],
            workingDirectory,
            environment,
            timeout
        );

    /// <summary>
    /// pwsh from the repository's tools folder or PATH; when neither has it, the same install ./build.sh Test makes
    /// (build/test-prerequisites.sh installs PowerShell whoever runs it). A missing pwsh fails the tests, never skips them.
    /// </summary>
    private static async Task<string> FindOrInstallAsync()
    {
        var tools = Path.Combine(RepositoryRoot.Path, ".nuke", "temp", "tools", "pwsh");
        var path = ExecutableSearch.Directories(Environment.GetEnvironmentVariable("PATH"));
        if (ExecutableSearch.Find([tools, .. path], "pwsh") is { } found)
        {
            return found;
        }
        var install = await ChildProcess.RunAsync(
            "/bin/bash",
            [Path.Combine(RepositoryRoot.Path, "build", "test-prerequisites.sh"), "dotnet", "Test"],
            RepositoryRoot.Path,
            timeout: TimeSpan.FromMinutes(5)
        );
        return ExecutableSearch.Find([tools], "pwsh")
            ?? throw new InvalidOperationException(
                $"PowerShell is neither on PATH nor in {tools}, and installing it failed:\n{install.Describe()}"
            );
    }
}
