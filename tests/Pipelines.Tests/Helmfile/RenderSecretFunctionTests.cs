using Amazon.SimpleSystemsManagement;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Vals;
using Pipelines.Tests.Charts;
using Pipelines.TestServers.Ssm;

namespace Pipelines.Tests.Helmfile;

/// <summary>
/// helmfile's fetchSecretValue and expandSecretRefs through a whole render: real helm, the real SDK client against the
/// in-process Parameter Store, the template functions wired by HelmfileRenderer to the same resolver values use.
/// </summary>
public sealed class RenderSecretFunctionTests : IAsyncLifetime
{
    private const string ApiToken = "tok-9Vb4nQ2sLx";
    private const string ValuesTemplate = "helmfile/values/apps/web/values.yaml.gotmpl";

    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();
    private SsmTestServer _server = null!;
    private IAmazonSimpleSystemsManagement _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SsmTestServer.StartAsync();
        _client = _server.CreateClient("eu-central-1");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task A_values_template_that_fetches_a_secret_renders_it_masks_it_and_never_caches_it()
    {
        // Arrange
        var log = new LogCapture();
        _server.Put("/shop/api/token", ApiToken);
        AddToConfig("API_TOKEN: {{ fetchSecretValue \"ref+awsssm://shop/api/token\" | quote }}");
        await RenderAsync();

        // Act
        var second = await RenderAsync();

        // Assert
        Assert.Contains($"\"API_TOKEN\": \"{ApiToken}\"", WebYaml());
        Assert.Equal(second.Releases - 2, second.CacheHits); // web, on both test clusters
        Assert.Empty(CacheFilesHolding(ApiToken));
        Log.Info($"token={ApiToken}");
        Assert.DoesNotContain(ApiToken, log.Text);
    }

    [Fact]
    public async Task ExpandSecretRefs_resolves_every_reference_of_a_map()
    {
        // Arrange
        _ = new LogCapture();
        _server.Put("/shop/api/token", ApiToken);
        AddToConfig(
            "{{- $s := expandSecretRefs (dict \"token\" \"ref+awsssm://shop/api/token\" \"plain\" \"x\") }}\n  TOKEN_AND_PLAIN: {{ printf \"%s-%s\" $s.token $s.plain | quote }}"
        );

        // Act
        await RenderAsync();

        // Assert
        Assert.Contains($"\"TOKEN_AND_PLAIN\": \"{ApiToken}-x\"", WebYaml());
    }

    [Fact]
    public async Task A_secret_fetched_in_the_state_file_keeps_every_release_out_of_the_cache()
    {
        // Arrange
        _ = new LogCapture();
        _server.Put("/shop/api/token", ApiToken);
        var helmfile = _workspace.Root / "helmfile" / "helmfile.yaml";
        var text = File.ReadAllText(helmfile);
        File.WriteAllText(
            helmfile,
            text.Replace(
                "    condition: web.enabled\n",
                "    condition: web.enabled\n    set:\n      - name: config.SET_TOKEN\n"
                    + "        value: '{{ fetchSecretValue \"ref+awsssm://shop/api/token\" }}'\n"
            )
        );
        await RenderAsync();

        // Act
        var second = await RenderAsync();

        // Assert
        Assert.Contains($"\"SET_TOKEN\": \"{ApiToken}\"", WebYaml());
        Assert.Equal(0, second.CacheHits);
        Assert.Empty(CacheFilesHolding(ApiToken));
    }

    [Fact]
    public async Task A_missing_parameter_fails_at_the_call_naming_the_reference()
    {
        // Arrange
        _ = new LogCapture();
        AddToConfig("API_TOKEN: {{ fetchSecretValue \"ref+awsssm://shop/missing\" | quote }}");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync());

        // Assert
        Assert.Contains(ValuesTemplate + ":", error.Message);
        Assert.Contains("error calling fetchSecretValue:", error.Message);
        Assert.Contains("/shop/missing", error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.Empty(_workspace.RenderedFiles);
    }

    [Fact]
    public async Task A_reference_to_another_vals_backend_is_refused_by_name()
    {
        // Arrange
        _ = new LogCapture();
        AddToConfig(
            "API_TOKEN: {{ fetchSecretValue \"ref+vault://secret/data/api#/token\" | quote }}"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync());

        // Assert
        Assert.Contains("ref+vault://secret/data/api#/token", error.Message);
        Assert.Contains("only ref+awsssm://", error.Message);
    }

    [Fact]
    public async Task A_vault_reference_in_a_values_file_is_refused_rather_than_rendered_as_text()
    {
        // Arrange
        _ = new LogCapture();
        File.AppendAllText(
            _workspace.Root / "helmfile" / "values" / "apps" / "web" / "test.yaml",
            "config:\n  DB_PASSWORD: ref+vault://secret/db#/password\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync());

        // Assert
        Assert.Contains("helmfile/values/apps/web/test.yaml", error.Message);
        Assert.Contains("ref+vault://secret/db#/password: only ref+awsssm://", error.Message);
        Assert.Empty(_workspace.RenderedFiles);
    }

    /// <summary>Adds a line under <c>config:</c> in the web app's values template.</summary>
    private void AddToConfig(string line)
    {
        var template = _workspace.Root / ValuesTemplate;
        var text = File.ReadAllText(template);
        Assert.Contains("config:\n", text);
        File.WriteAllText(template, text.Replace("config:\n", $"config:\n  {line}\n"));
    }

    private string WebYaml() =>
        File.ReadAllText(_workspace.Rendered / "test" / "test-1-35-green" / "web" / "web.yaml");

    private IReadOnlyList<string> CacheFilesHolding(string secret)
    {
        var cache = _workspace.Root / ".nuke" / "temp" / "render-cache";
        return cache.DirectoryExists
            ? Directory
                .GetFiles(cache, "*", SearchOption.AllDirectories)
                .Where(f => File.ReadAllText(f).Contains(secret, StringComparison.Ordinal))
                .ToList()
            : [];
    }

    private async Task<RenderResult> RenderAsync()
    {
        var references = new ReferenceResolver(
            async (data, file, ct) =>
                (await new ParameterStoreResolver(_client).ResolveAsync(data, file, ct)).Data
        );
        return (await _workspace.RenderTestEnvironmentAsync(references)).Result;
    }
}
