namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// One copy of the repository for all bootstrap tests, compiled once by a cold <c>./build.sh --help</c>.
/// Tests that change the copy leave it compiled and consistent for the next one.
/// </summary>
public sealed class BootstrapFixture : IAsyncLifetime
{
    public const string CompilingMessage = "build.sh: compiling the build";

    internal RepositoryCopy Copy { get; private set; } = null!;

    /// <summary>The first run against the copy: it had no compiled build, so it compiled one.</summary>
    internal ProcessResult ColdHelp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Copy = RepositoryCopy.Create("bootstrap");
        ColdHelp = await ChildProcess.RunAsync(
            Copy.BuildScript,
            ["--help"],
            Copy.Path,
            timeout: ChildProcess.ColdCompileTimeout
        );
    }

    public Task DisposeAsync()
    {
        Copy?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>./build.sh</c> in the copy's root.</summary>
    internal Task<ProcessResult> RunAsync(params string[] arguments) =>
        RunWithEnvironmentAsync(new Dictionary<string, string?>(), arguments);

    internal Task<ProcessResult> RunWithEnvironmentAsync(
        IReadOnlyDictionary<string, string?> environment,
        params string[] arguments
    ) => ChildProcess.RunAsync(Copy.BuildScript, arguments, Copy.Path, environment);
}
