using System.Security.Cryptography;
using Pipelines.Engine;
using Pipelines.Tests.Engine;
using Pipelines.Tests.Helmfile;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers;
using Pipelines.TestServers.Kubernetes;
using Pipelines.Tools;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// A repository of its own for one lifecycle test: the project's charts/ and helmfile/ copied into a BuildHarness
/// root, a bin/ folder that is the build's whole PATH (empty unless the test puts fake tools there), and a fixed day.
/// </summary>
internal sealed class LifecycleWorkspace : IDisposable
{
    private readonly BuildHarness _harness = new();

    public LifecycleWorkspace(DateOnly? today = null)
    {
        Today = today ?? new DateOnly(2026, 11, 2);
        Copy(Path.Combine(RepositoryRoot.Path, "charts"), Root / "charts");
        Copy(Path.Combine(RepositoryRoot.Path, "helmfile"), Root / "helmfile");
        Directory.CreateDirectory(Bin);
    }

    public DateOnly Today { get; }

    public AbsolutePath Root => _harness.Root;

    public AbsolutePath ClustersFile => Root / "helmfile" / "clusters.yaml";

    public AbsolutePath Kubeconfig => Root / ".nuke" / "kubeconfig";

    /// <summary>The build's PATH: put fake eksctl and aws here.</summary>
    public string Bin => Root / ".nuke" / "bin";

    /// <summary>The environment the build sees (parameters and GITHUB_* variables).</summary>
    public Dictionary<string, string> Environment => _harness.Environment;

    public string ClustersText
    {
        get => File.ReadAllText(ClustersFile);
        set => File.WriteAllText(ClustersFile, value);
    }

    /// <summary>Replaces text in clusters.yaml, failing when it is not there (so a test never edits nothing).</summary>
    public void EditClusters(string oldText, string newText)
    {
        var text = ClustersText;
        Assert.Contains(oldText, text);
        ClustersText = text.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the build in memory as BuildHarness does, with a longer guard: these targets render with real helm and
    /// wait for rollouts, which on a busy machine takes more than the engine tests' 30 seconds.
    /// </summary>
    public async Task<BuildResult<LifecycleBuild>> RunAsync(params string[] args)
    {
        var build = new LifecycleBuild(Today, Bin);
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        string? Read(string name) => environment.TryGetValue(name, out var value) ? value : null;
        var host = ConsoleHost.Create(output, error, new SecretRegistry(), Read, isTerminal: false);
        var exitCode = await BuildRunner
            .RunAsync(() => build, null, args, Root, Read, host, CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(4), CancellationToken.None);
        return new BuildResult<LifecycleBuild>(
            exitCode,
            output.ToString(),
            error.ToString(),
            build
        );
    }

    /// <summary>Marks a cluster retired by editing the file's text (test setup, not the code under test).</summary>
    public void Retire(string cluster)
    {
        var text = ClustersText;
        var at = text.IndexOf($"- name: {cluster}\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{cluster} is not in clusters.yaml");
        var state = text.IndexOf("state: ", at, StringComparison.Ordinal);
        var end = text.IndexOf('\n', state);
        ClustersText = text[..state] + "state: retired" + text[end..];
    }

    /// <summary>A kubeconfig with one context per test API server, named as clusters.yaml's kubeContext.</summary>
    public void WriteKubeconfig(IReadOnlyDictionary<string, KubeApiTestServer> contexts) =>
        KubeApiTestServer.WriteKubeconfig(Kubeconfig, contexts);

    /// <summary>
    /// Makes the root a git repository with everything committed (the default config repo of MigrateApp), with
    /// .nuke/ ignored as the project's own .gitignore does for its scratch space.
    /// </summary>
    public async Task InitGitAsync()
    {
        Write(".gitignore", ".nuke/\n");
        await GitAsync("init", "--quiet", "--initial-branch=main");
        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "-m", "Initial config");
    }

    public async Task<string> GitAsync(params string[] arguments)
    {
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand
                .For("git")
                .WithArguments("-c", "user.name=Tests", "-c", "user.email=tests@example.com")
                .WithArguments(arguments)
                .WithWorkingDirectory(Root),
            ToolOutput.Capture
        );
        return result.StandardOutput.Trim();
    }

    /// <summary>Links the helm the test run shares into this root, for targets that render through RenderHelmfile.</summary>
    public Task LinkSharedHelmAsync() => HelmfileWorkspace.LinkSharedHelmAsync(Root);

    /// <summary>
    /// Adds the app <c>legacy</c> (tier app) whose chart still renders a PodDisruptionBudget as policy/v1beta1, an
    /// API Kubernetes removed in 1.25, to helmfile.yaml.
    /// </summary>
    public void AddLegacyApp()
    {
        Write("charts/legacy/Chart.yaml", "apiVersion: v2\nname: legacy\nversion: 0.1.0\n");
        Write(
            "charts/legacy/templates/pdb.yaml",
            "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: legacy\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: legacy\n"
        );
        Write(
            "charts/legacy/templates/configmap.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: legacy\ndata:\n  kube: \"{{ .Capabilities.KubeVersion.Version }}\"\n"
        );
        File.AppendAllText(
            Root / "helmfile" / "helmfile.yaml",
            "\n  - name: legacy\n    namespace: legacy\n    chart: ../charts/legacy\n    labels:\n      tier: app\n      app: legacy\n"
        );
    }

    public void Write(string relativePath, string content)
    {
        var path = Root / relativePath;
        Directory.CreateDirectory(path.Parent!);
        File.WriteAllText(path, content);
    }

    /// <summary>Every file outside .nuke/ with a hash of its content, to show a run wrote nothing.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory
            .GetFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f))
            .Where(f => !f.StartsWith(".nuke", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(
                f => f,
                f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Root, f))))
            );

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _harness.Dispose();
}
