using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Tests.Helmfile;

/// <summary>Template functions through a whole render with real helm: helper templates and cacheability.</summary>
public sealed class RenderTemplateFunctionTests : IDisposable
{
    private const string WebValues = "helmfile/values/apps/web/values.yaml.gotmpl";

    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_values_template_includes_a_helper_defined_beside_the_state_file()
    {
        // Arrange
        File.WriteAllText(
            _workspace.Root / "helmfile" / "_helpers.tpl",
            "{{- define \"team\" -}}{{ .Environment.Name }}-shop{{- end }}"
        );
        AddConfig("TEAM: {{ include \"team\" . | quote }}");

        // Act
        await RenderAsync();

        // Assert
        Assert.Contains("\"TEAM\": \"test-shop\"", WebYaml("test-1-35-green"));
    }

    [Fact]
    public async Task A_release_whose_values_template_draws_random_values_is_never_served_from_the_cache()
    {
        // Arrange
        AddConfig("RUN_ID: {{ randAlphaNum 12 | quote }}");
        var first = await RenderAsync();

        // Act
        var second = await RenderAsync();

        // Assert
        Assert.Equal(0, first.CacheHits);
        var releases = second.Clusters.SelectMany(c => c.Releases).ToList();
        Assert.All(releases.Where(r => r.Release.Name == "web"), r => Assert.False(r.FromCache));
        Assert.All(releases.Where(r => r.Release.Name != "web"), r => Assert.True(r.FromCache));
    }

    private void AddConfig(string line)
    {
        var path = _workspace.Root / WebValues;
        var text = File.ReadAllText(path);
        Assert.Contains("config:\n", text);
        File.WriteAllText(path, text.Replace("config:\n", $"config:\n  {line}\n"));
    }

    private string WebYaml(string cluster) =>
        File.ReadAllText(_workspace.Rendered / "test" / cluster / "web" / "web.yaml");

    private async Task<RenderResult> RenderAsync() =>
        (await _workspace.RenderTestEnvironmentAsync(references: null)).Result;
}
