using Pipelines.TestServers;
using Pipelines.Tools;
using Pipelines.Tools.Helm;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Charts;

/// <summary>
/// Real helm for the chart tests: installed once per test run into the build's tools folder, and run with its cache,
/// config and data homes in a fresh temporary folder per call, so no test sees another's (or the machine's) repos.
/// </summary>
internal static class TestHelm
{
    /// <summary>Nothing listens on port 9 (discard): the official download fails at once, offline or not.</summary>
    public const string UnreachableDownloadUrl = "http://127.0.0.1:9/helm.tar.gz";

    public static string ToolsDirectory { get; } =
        Path.Combine(RepositoryRoot.Path, ".nuke", "temp", "tools");

    private static readonly Lazy<Task<string>> Executable = new(() =>
        HelmInstaller.EnsureAsync(ToolsDirectory, Sources(), CancellationToken.None)
    );

    /// <summary>The process's PATH, with the download URL pointed where nothing answers.</summary>
    public static HelmSources Sources(bool searchPath = true) =>
        HelmSources.FromEnvironment(name =>
            name switch
            {
                HelmSources.DownloadUrlVariable => UnreachableDownloadUrl,
                "PATH" when searchPath => Environment.GetEnvironmentVariable(name),
                _ => null,
            }
        );

    public static string Chart(string name) => Path.Combine(RepositoryRoot.Path, "charts", name);

    public static async Task<ToolResult> RunAsync(params string[] arguments)
    {
        var helm = await Executable.Value;
        var home = Directory.CreateTempSubdirectory("pipelines-helm-home-");
        try
        {
            return await ToolRunner.Default.RunAsync(
                ToolCommand
                    .For(helm)
                    .WithArguments(arguments)
                    .WithEnvironment("HELM_CACHE_HOME", Path.Combine(home.FullName, "cache"))
                    .WithEnvironment("HELM_CONFIG_HOME", Path.Combine(home.FullName, "config"))
                    .WithEnvironment("HELM_DATA_HOME", Path.Combine(home.FullName, "data")),
                ToolOutput.Capture
            );
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary><c>helm template rel &lt;chart&gt; --kube-version V [--api-versions A]... [-f values]</c>: the raw text.</summary>
    public static async Task<string> TemplateAsync(
        string chart,
        string kubeVersion,
        string? values = null,
        params string[] apiVersions
    )
    {
        var arguments = new List<string>
        {
            "template",
            "rel",
            Chart(chart),
            "--namespace",
            "web",
            "--kube-version",
            kubeVersion,
        };
        foreach (var apiVersion in apiVersions)
        {
            arguments.AddRange(["--api-versions", apiVersion]);
        }
        using var valuesFile = new TemporaryFile(values ?? "");
        arguments.AddRange(["-f", valuesFile.Path]);
        return (await RunAsync([.. arguments])).StandardOutput;
    }

    /// <summary>The rendered objects, parsed as plain data.</summary>
    public static async Task<IReadOnlyList<Manifest>> RenderAsync(
        string chart,
        string kubeVersion,
        string? values = null,
        params string[] apiVersions
    )
    {
        var text = await TemplateAsync(chart, kubeVersion, values, apiVersions);
        return YamlData
            .ParseDocuments(text, $"helm template {chart}")
            .OfType<Dictionary<string, object?>>()
            .Select(document => new Manifest(document))
            .ToList();
    }

    private sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string content)
        {
            Path = System.IO.Path.Combine(
                System.IO.Path.GetTempPath(),
                $"pipelines-values-{Guid.NewGuid():N}.yaml"
            );
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
