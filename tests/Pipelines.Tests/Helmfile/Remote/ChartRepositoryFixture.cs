using Pipelines.Engine;
using Pipelines.Images;
using Pipelines.TestServers.Helm;
using Pipelines.Tools;
using Pipelines.Tools.Helm;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// Real chart repositories for the remote-chart tests, filled with real helm: the chart <c>shop</c> at 1.1.0, 1.2.0,
/// 1.2.5, 1.3.0 and 2.0.0 packaged with <c>helm package</c> and indexed with <c>helm repo index</c>, served over
/// HTTP (open, and behind basic auth), and pushed with <c>helm push</c> to a real docker-registry.
/// </summary>
public sealed class ChartRepositoryFixture : IAsyncLifetime
{
    public const string Username = "robot";
    public const string Password = "pw-Zr8Kq2Lx7N";
    public static readonly string[] Versions = ["1.1.0", "1.2.0", "1.2.5", "1.3.0", "2.0.0"];

    private readonly string _directory = Directory
        .CreateTempSubdirectory("pipelines-chart-repositories-")
        .FullName;
    private LocalRegistry? _registry;
    private AuthenticatedRegistry? _privateRegistry;
    private string _helm = "";

    internal ChartRepositoryServer Open { get; private set; } = null!;
    internal ChartRepositoryServer Private { get; private set; } = null!;

    /// <summary>The OCI location charts were pushed to, without oci://: <c>127.0.0.1:PORT/charts</c>.</summary>
    public string OciLocation => $"{_registry!.Host}/charts";

    /// <summary>The same charts behind basic auth (<see cref="Username"/>, <see cref="Password"/>): <c>127.0.0.1:PORT/charts</c>.</summary>
    public string PrivateOciLocation => $"{_privateRegistry!.Host}/charts";

    private string Repository => Path.Combine(_directory, "repository");

    public async Task InitializeAsync()
    {
        _helm = await HelmInstaller.EnsureAsync(
            HelmfileWorkspace.SharedTools,
            CancellationToken.None
        );
        foreach (var version in Versions)
        {
            await PackageAsync(Repository, version);
        }
        await IndexAsync(Repository);
        Open = new ChartRepositoryServer(Repository);
        Private = new ChartRepositoryServer(Repository, Username, Password);
        _registry = await LocalRegistry.StartAsync(Path.Combine(_directory, "registry"), default);
        foreach (var version in new[] { "1.2.0", "1.2.5", "1.3.0" })
        {
            await HelmAsync(
                "push",
                Path.Combine(Repository, $"shop-{version}.tgz"),
                $"oci://{OciLocation}",
                "--plain-http"
            );
        }
        // A second registry serves what the first stored, behind auth, as a private registry would.
        _privateRegistry = await AuthenticatedRegistry.StartAsync(
            Path.Combine(_directory, "private-registry"),
            Path.Combine(_directory, "registry", "data"),
            Username,
            Password
        );
    }

    /// <summary>A repository of its own (a copy of the shared one) for a test that publishes into it.</summary>
    internal async Task<(string Directory, ChartRepositoryServer Server)> CopyAsync()
    {
        var copy = Path.Combine(_directory, $"copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Repository))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        await Task.CompletedTask;
        return (copy, new ChartRepositoryServer(copy));
    }

    /// <summary>Packages <c>shop</c> at <paramref name="version"/> into <paramref name="repository"/> and indexes it again.</summary>
    public async Task PublishAsync(string repository, string version)
    {
        await PackageAsync(repository, version);
        await IndexAsync(repository);
    }

    private async Task PackageAsync(string repository, string version)
    {
        var source = Path.Combine(_directory, "source", version, "shop");
        Directory.CreateDirectory(Path.Combine(source, "templates"));
        await File.WriteAllTextAsync(
            Path.Combine(source, "Chart.yaml"),
            $"apiVersion: v2\nname: shop\nversion: {version}\n"
        );
        await File.WriteAllTextAsync(Path.Combine(source, "values.yaml"), "greeting: hello\n");
        await File.WriteAllTextAsync(
            Path.Combine(source, "templates", "configmap.yaml"),
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-shop
            data:
              chartVersion: {{ .Chart.Version | quote }}
              greeting: {{ .Values.greeting | quote }}

            """
        );
        await HelmAsync("package", source, "--destination", repository);
    }

    private Task IndexAsync(string repository) => HelmAsync("repo", "index", repository);

    private async Task HelmAsync(params string[] arguments)
    {
        var home = Path.Combine(_directory, "helm-home");
        await ToolRunner.Default.RunAsync(
            new Pipelines.Helmfile.Rendering.HelmHome(AbsolutePath.Create(home))
                .Apply(ToolCommand.For(_helm))
                .WithArguments(arguments),
            ToolOutput.Capture
        );
    }

    public async Task DisposeAsync()
    {
        await Open.DisposeAsync();
        await Private.DisposeAsync();
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
        if (_privateRegistry is not null)
        {
            await _privateRegistry.DisposeAsync();
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the run for.
        }
    }
}
