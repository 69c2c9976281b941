using Amazon.SimpleSystemsManagement;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.Vals;
using Pipelines.Tests.Charts;
using Pipelines.Tests.Helmfile.Vals;
using Pipelines.TestServers.Ssm;

namespace Pipelines.Tests.Helmfile;

/// <summary>
/// ref+awsssm:// values through a whole render: real helm, the real SDK client against the in-process Parameter
/// Store, the resolver wired as HelmfileRenderer.RenderHelmfileAsync wires it. Each test sets its own log host, so the
/// secrets it registers stay in its own registry.
/// </summary>
public sealed class RenderSecretsTests : IAsyncLifetime
{
    private const string DbPassword = "pw-7Hq2xK9zR4";
    private const string ApiToken = "tok-5Rt8wLm3Qa";
    private const string ReleaseValuesFile = "helmfile/values/apps/web/test.yaml";
    private const string EnvironmentValuesFile = "helmfile/values/test.yaml";

    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();
    private SsmTestServer _server = null!;
    private IAmazonSimpleSystemsManagement _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SsmTestServer.StartAsync();
        _client = _server.CreateClient("ap-northeast-1");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task A_ref_in_a_release_values_file_lands_in_the_config_map_and_is_masked_in_the_log()
    {
        // Arrange
        var log = new LogCapture();
        _server.Put("/shop/db/password", DbPassword);
        AddReleaseSecret();

        // Act
        await RenderAsync();

        // Assert
        Assert.Contains($"\"DB_PASSWORD\": \"{DbPassword}\"", WebYaml("test-1-35-green"));
        Assert.Contains($"\"DB_PASSWORD\": \"{DbPassword}\"", WebYaml("test-1-34-blue"));
        Log.Info($"password={DbPassword}");
        Assert.Contains("password=***", log.Text);
        Assert.DoesNotContain(DbPassword, log.Text);
    }

    [Fact]
    public async Task A_state_value_from_parameter_store_reaches_the_config_map_through_a_gotmpl_values_file()
    {
        // Arrange
        var log = new LogCapture();
        _server.Put("/shop/api/token", ApiToken);
        AddStateSecret();

        // Act
        await RenderAsync();

        // Assert
        Assert.Contains($"\"API_TOKEN\": \"{ApiToken}\"", WebYaml("test-1-35-green"));
        Log.Info($"token={ApiToken}");
        Assert.Contains("token=***", log.Text);
        Assert.DoesNotContain(ApiToken, log.Text);
    }

    [Fact]
    public async Task The_cache_never_holds_a_release_values_secret_and_only_that_release_is_rendered_again()
    {
        // Arrange
        _ = new LogCapture();
        _server.Put("/shop/db/password", DbPassword);
        AddReleaseSecret();
        var first = await RenderAsync();

        // Act
        var second = await RenderAsync();

        // Assert
        Assert.Equal(0, first.CacheHits);
        Assert.NotEmpty(CacheFiles());
        Assert.Empty(CacheFilesHolding(DbPassword));
        Assert.Equal(6, second.Releases);
        Assert.Equal(second.Releases - 2, second.CacheHits); // web, on both test clusters
        var releases = second.Clusters.SelectMany(c => c.Releases).ToList();
        Assert.All(releases.Where(r => r.Release.Name == "web"), r => Assert.False(r.FromCache));
        Assert.All(releases.Where(r => r.Release.Name != "web"), r => Assert.True(r.FromCache));
        Assert.Contains($"\"DB_PASSWORD\": \"{DbPassword}\"", WebYaml("test-1-35-green"));
    }

    [Fact]
    public async Task The_cache_never_holds_a_state_secret_that_a_gotmpl_values_file_rendered_in()
    {
        // Arrange
        _ = new LogCapture();
        _server.Put("/shop/api/token", ApiToken);
        AddStateSecret();
        await RenderAsync();

        // Act
        var second = await RenderAsync();

        // Assert
        Assert.NotEmpty(CacheFiles());
        Assert.Empty(CacheFilesHolding(ApiToken));
        Assert.Equal(second.Releases - 2, second.CacheHits); // web, on both test clusters
    }

    [Fact]
    public async Task A_state_secret_transformed_by_a_template_is_kept_out_of_the_cache_by_provenance()
    {
        // Arrange
        _ = new LogCapture();
        _server.Put("/shop/api/token", ApiToken);
        AddStateSecret("{{ .Values.shop.apiToken | b64enc | quote }}");
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ApiToken));
        await RenderAsync();

        // Act
        var second = await RenderAsync();

        // Assert
        Assert.Contains($"\"API_TOKEN\": \"{encoded}\"", WebYaml("test-1-35-green"));
        Assert.NotEmpty(CacheFiles());
        Assert.Empty(CacheFilesHolding(encoded));
        Assert.Equal(second.Releases - 2, second.CacheHits); // web, on both test clusters
    }

    [Fact]
    public async Task A_set_entry_templated_from_a_state_secret_reaches_helm_through_a_private_file_and_is_not_cached()
    {
        // Arrange
        _ = new LogCapture();
        _server.Put("/shop/api/token", ApiToken);
        Append(EnvironmentValuesFile, "shop:\n  apiToken: ref+awsssm://shop/api/token\n");
        var helmfile = _workspace.Root / "helmfile" / "helmfile.yaml";
        var text = File.ReadAllText(helmfile);
        Assert.Contains("    condition: web.enabled\n", text);
        File.WriteAllText(
            helmfile,
            text.Replace(
                "    condition: web.enabled\n",
                "    condition: web.enabled\n    set:\n      - name: config.SET_TOKEN\n"
                    + "        value: '{{ .Values.shop.apiToken | upper }}'\n"
                    + "      - name: config.RETRIES\n        value: 3\n"
            )
        );
        await RenderAsync();

        // Act
        var second = await RenderAsync();

        // Assert
        var web = WebYaml("test-1-35-green");
        Assert.Contains($"\"SET_TOKEN\": \"{ApiToken.ToUpperInvariant()}\"", web);
        Assert.Contains("\"RETRIES\": \"3\"", web);
        Assert.Empty(CacheFilesHolding(ApiToken.ToUpperInvariant()));
        Assert.Equal(second.Releases - 2, second.CacheHits);
        // The values files helm read (the set entries' among them) are gone with the render.
        var scratch = _workspace.Root / ".nuke" / "temp" / "helm-values";
        Assert.Empty(
            scratch.DirectoryExists
                ? Directory.GetFileSystemEntries(scratch, "*", SearchOption.AllDirectories)
                : []
        );
    }

    [Fact]
    public async Task A_missing_parameter_in_a_release_values_file_names_the_ref_and_the_file_and_writes_nothing()
    {
        // Arrange
        _ = new LogCapture();
        AddReleaseSecret();

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync());

        // Assert
        Assert.Contains("ref+awsssm://shop/db/password", error.Message);
        Assert.Contains(ReleaseValuesFile, error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.Empty(_workspace.RenderedFiles);
    }

    [Fact]
    public async Task A_missing_parameter_in_an_environment_values_file_names_that_file_and_writes_nothing()
    {
        // Arrange
        _ = new LogCapture();
        AddStateSecret();

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync());

        // Assert
        Assert.Contains("ref+awsssm://shop/api/token", error.Message);
        Assert.Empty(_workspace.RenderedFiles);
        Assert.Contains(EnvironmentValuesFile, error.Message);
    }

    /// <summary>The web app's test values read its database password from Parameter Store.</summary>
    private void AddReleaseSecret() =>
        Append(ReleaseValuesFile, "config:\n  DB_PASSWORD: ref+awsssm://shop/db/password\n");

    /// <summary>The test environment's values hold a ref; the web app's .gotmpl values file uses it.</summary>
    private void AddStateSecret(string use = "{{ .Values.shop.apiToken | quote }}")
    {
        Append(EnvironmentValuesFile, "shop:\n  apiToken: ref+awsssm://shop/api/token\n");
        var template =
            _workspace.Root / "helmfile" / "values" / "apps" / "web" / "values.yaml.gotmpl";
        var text = File.ReadAllText(template);
        Assert.Contains("config:\n", text);
        File.WriteAllText(template, text.Replace("config:\n", $"config:\n  API_TOKEN: {use}\n"));
    }

    private void Append(string relativePath, string text) =>
        File.AppendAllText(_workspace.Root / relativePath, text);

    private string WebYaml(string cluster) =>
        File.ReadAllText(_workspace.Rendered / "test" / cluster / "web" / "web.yaml");

    private IReadOnlyList<string> CacheFiles()
    {
        var cache = _workspace.Root / ".nuke" / "temp" / "render-cache";
        return cache.DirectoryExists
            ? Directory.GetFiles(cache, "*", SearchOption.AllDirectories)
            : [];
    }

    /// <summary>The names of the render cache's files whose text contains <paramref name="secret"/>.</summary>
    private IReadOnlyList<string> CacheFilesHolding(string secret) =>
        CacheFiles()
            .Where(f => File.ReadAllText(f).Contains(secret, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_workspace.Root, f))
            .ToList();

    /// <summary>What HelmfileRenderer.RenderHelmfileAsync does for <c>--env test</c>, with the test server's client.</summary>
    private async Task<RenderResult> RenderAsync()
    {
        var references = new ReferenceResolver(
            async (data, file, ct) =>
                (await new ParameterStoreResolver(_client).ResolveAsync(data, file, ct)).Data
        );
        var (result, renderer) = await _workspace.RenderTestEnvironmentAsync(references);
        Assert.Equal(_workspace.Root / ".nuke" / "temp" / "render-cache", renderer.CacheDirectory);
        return result;
    }
}
