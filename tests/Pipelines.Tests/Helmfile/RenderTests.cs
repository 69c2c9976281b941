using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Tests.Helmfile;

/// <summary>Renders with real helm (installed once into the repository's .nuke/temp/tools).</summary>
public sealed class RenderTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();

    public void Dispose() => _workspace.Dispose();

    private async Task<(
        RenderResult Result,
        IReadOnlyList<RenderOutput.Change> Changes
    )> RenderAsync(
        string environment,
        bool write = true,
        string? cluster = null,
        params string[] selectors
    )
    {
        var renderer = new HelmfileRenderer(
            _workspace.Root,
            HelmfileWorkspace.Templates(),
            references: null
        )
        {
            ToolsDirectory = HelmfileWorkspace.SharedTools,
        };
        var options = new RenderOptions(
            environment,
            cluster,
            selectors.Select(ReleaseSelector.Parse).ToList(),
            NeedsGraph.Include.None
        );
        var result = await renderer.RenderAsync(
            _workspace.Root / "helmfile" / "helmfile.yaml",
            _workspace.Root / "helmfile" / "clusters.yaml",
            options,
            CancellationToken.None
        );
        var changes = await RenderOutput.WriteAsync(
            _workspace.Rendered,
            result,
            selectors.Length == 0,
            write,
            CancellationToken.None
        );
        return (result, changes);
    }

    [Fact]
    public async Task The_sample_config_renders_each_stage_cluster_with_the_releases_it_carries()
    {
        // Act
        var (result, _) = await RenderAsync("stage");

        // Assert
        Assert.Equal(
            ["stage-1-34-blue", "stage-1-35-green"],
            result.Clusters.Select(c => c.Cluster.Name)
        );
        Assert.Contains("stage/stage-1-34-blue/web/web.yaml", _workspace.RenderedFiles);
        Assert.Contains(
            "stage/stage-1-35-green/logging/log-forwarder.yaml",
            _workspace.RenderedFiles
        );
        Assert.Contains("stage/stage-1-35-green.yaml", _workspace.RenderedFiles);
        var web = File.ReadAllText(
            _workspace.Rendered / "stage" / "stage-1-35-green" / "web" / "web.yaml"
        );
        Assert.Contains("apiVersion: networking.k8s.io/v1\nkind: Ingress", web);
        Assert.Contains("host: \"web.stage.example.com\"", web);
        var forwarder = File.ReadAllText(
            _workspace.Rendered / "stage" / "stage-1-34-blue" / "logging" / "log-forwarder.yaml"
        );
        Assert.Contains("stage-1-34-blue", forwarder);
    }

    [Fact]
    public async Task A_cluster_carrying_only_management_releases_gets_no_application()
    {
        // Act
        await RenderAsync("prod", cluster: "prod-1-35-green");

        // Assert
        Assert.DoesNotContain(_workspace.RenderedFiles, f => f.Contains("/web/"));
        Assert.Contains(
            "prod/prod-1-35-green/monitoring/metrics-agent.yaml",
            _workspace.RenderedFiles
        );
    }

    [Fact]
    public async Task The_app_chart_renders_the_ingress_api_of_each_cluster_version()
    {
        // Arrange
        _workspace.Write(
            "helmfile/clusters.yaml",
            "environments:\n  test:\n    region: eu-west-1\n    clusters:\n"
                + "      - {name: test-1-18-blue, kubernetesVersion: \"1.18\", kubeContext: old, color: blue, state: active}\n"
                + "      - {name: test-1-35-green, kubernetesVersion: \"1.35\", kubeContext: new, color: green, state: active}\n"
        );

        // Act
        await RenderAsync("test", selectors: "name=web");

        // Assert
        var old = File.ReadAllText(
            _workspace.Rendered / "test" / "test-1-18-blue" / "web" / "web.yaml"
        );
        var current = File.ReadAllText(
            _workspace.Rendered / "test" / "test-1-35-green" / "web" / "web.yaml"
        );
        Assert.Contains("apiVersion: networking.k8s.io/v1beta1\nkind: Ingress", old);
        Assert.Contains("apiVersion: networking.k8s.io/v1\nkind: Ingress", current);
    }

    [Fact]
    public async Task An_api_removed_in_the_cluster_version_fails_the_render_and_writes_nothing()
    {
        // Arrange
        _workspace.Write(
            "charts/legacy/Chart.yaml",
            "apiVersion: v2\nname: legacy\nversion: 0.1.0\n"
        );
        _workspace.Write(
            "charts/legacy/templates/ingress.yaml",
            "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: legacy\nspec:\n  backend:\n    serviceName: legacy\n    servicePort: 80\n"
        );
        var state = File.ReadAllText(_workspace.Root / "helmfile" / "helmfile.yaml");
        _workspace.Write(
            "helmfile/helmfile.yaml",
            state + "\n  - name: legacy\n    namespace: web\n    chart: ../charts/legacy\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<RemovedApisException>(() => RenderAsync("test"));

        // Assert
        Assert.Contains("legacy", error.Message);
        Assert.Contains("legacy/templates/ingress.yaml", error.Message);
        Assert.Contains("extensions/v1beta1", error.Message);
        Assert.Contains("networking.k8s.io/v1", error.Message);
        Assert.Empty(_workspace.RenderedFiles);
    }

    [Fact]
    public async Task A_second_render_of_unchanged_inputs_comes_from_the_cache_and_a_changed_values_file_misses()
    {
        // Arrange
        var (cold, _) = await RenderAsync("test");

        // Act
        var (warm, _) = await RenderAsync("test");
        File.AppendAllText(
            _workspace.Root / "helmfile" / "values" / "apps" / "web" / "test.yaml",
            "replicaCount: 5\n"
        );
        var (changed, _) = await RenderAsync("test");

        // Assert
        Assert.Equal(0, cold.CacheHits);
        Assert.Equal(warm.Releases, warm.CacheHits);
        Assert.Equal(changed.Releases - 2, changed.CacheHits); // web on both test clusters
    }

    [Fact]
    public async Task Rendering_is_deterministic_to_the_byte()
    {
        // Arrange
        await RenderAsync("prod");
        var first = _workspace.RenderedFiles.ToDictionary(
            f => f,
            f => File.ReadAllBytes(_workspace.Rendered / f)
        );
        Directory.Delete(_workspace.Root / ".nuke" / "temp", recursive: true);

        // Act
        await RenderAsync("prod");

        // Assert
        Assert.Equal(first.Keys, _workspace.RenderedFiles);
        foreach (var (file, bytes) in first)
        {
            Assert.Equal(bytes, File.ReadAllBytes(_workspace.Rendered / file));
        }
    }

    [Fact]
    public async Task Diff_reports_a_changed_value_as_a_unified_diff_and_nothing_when_unchanged()
    {
        // Arrange
        await RenderAsync("test");
        var (_, unchanged) = await RenderAsync("test", write: false);
        File.WriteAllText(
            _workspace.Root / "helmfile" / "values" / "test.yaml",
            File.ReadAllText(_workspace.Root / "helmfile" / "values" / "test.yaml")
                .Replace("level: debug", "level: warn")
        );

        // Act
        var (_, changes) = await RenderAsync("test", write: false);

        // Assert
        Assert.Empty(unchanged);
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal("changed", c.Kind));
        Assert.Contains(
            changes,
            c =>
                c.Path == "test/test-1-35-green/web/web.yaml"
                && c.Diff.Contains("-  \"LOG_LEVEL\": \"debug\"\n+  \"LOG_LEVEL\": \"warn\"")
        );
    }

    [Theory]
    [InlineData(
        "missing chart",
        "chart: ../charts/app",
        "chart: ../charts/nope",
        "has no Chart.yaml"
    )]
    [InlineData(
        "missing values file",
        "values/apps/web/{{ .Environment.Name }}.yaml",
        "values/apps/web/none.yaml",
        "does not exist"
    )]
    [InlineData(
        "cyclic needs",
        "      - logging/log-forwarder",
        "      - logging/log-forwarder\n      - web/web",
        "cycle"
    )]
    public async Task Bad_input_is_a_clear_error_and_nothing_is_written(
        string _,
        string find,
        string replace,
        string expected
    )
    {
        // Arrange
        var path = _workspace.Root / "helmfile" / "helmfile.yaml";
        File.WriteAllText(path, File.ReadAllText(path).Replace(find, replace));

        // Act
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RenderAsync("test"));

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.Empty(_workspace.RenderedFiles);
    }

    [Fact]
    public async Task An_unknown_environment_is_a_usage_error_and_nothing_is_written()
    {
        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() => RenderAsync("stag"));

        // Assert
        Assert.Contains("Did you mean 'stage'?", error.Message);
        Assert.Empty(_workspace.RenderedFiles);
    }

    [Fact]
    public async Task A_cluster_carrying_an_app_without_what_it_needs_renders_the_app_alone()
    {
        // Arrange
        _workspace.Write(
            "helmfile/clusters.yaml",
            "environments:\n  test:\n    region: eu-west-1\n    clusters:\n"
                + "      - {name: test-1-35-green, kubernetesVersion: \"1.35\", kubeContext: new, color: green, state: active, carries: [app=web]}\n"
        );

        // Act
        var (result, _) = await RenderAsync("test");

        // Assert
        Assert.Equal(["web"], result.Clusters.Single().Releases.Select(r => r.Release.Name));
    }

    [Fact]
    public async Task Parameter_store_references_with_no_client_configured_are_an_error_and_never_reach_helm()
    {
        // Arrange
        File.AppendAllText(
            _workspace.Root / "helmfile" / "values" / "apps" / "web" / "test.yaml",
            "config:\n  DB_PASSWORD: ref+awsssm://shop/db/password\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync("test"));

        // Assert
        Assert.Contains("helmfile/values/apps/web/test.yaml", error.Message);
        Assert.Contains("no Parameter Store client is configured", error.Message);
        Assert.Empty(_workspace.RenderedFiles);
    }
}
