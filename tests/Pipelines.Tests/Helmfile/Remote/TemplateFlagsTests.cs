using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// <c>helmfile template</c>'s --set, --values and --namespace, layered as helmfile layers them, with real helm, and the
/// render cache telling them apart.
/// </summary>
public sealed class TemplateFlagsTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();

    public TemplateFlagsTests()
    {
        _workspace.Write("charts/echo/Chart.yaml", "apiVersion: v2\nname: echo\nversion: 0.1.0\n");
        _workspace.Write("charts/echo/values.yaml", "greeting: chart\ncolor: chart\nsize: chart\n");
        _workspace.Write(
            "charts/echo/templates/configmap.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}
            data:
              namespace: {{ .Release.Namespace | quote }}
              greeting: {{ .Values.greeting | quote }}
              color: {{ .Values.color | quote }}
              size: {{ .Values.size | quote }}

            """
        );
        _workspace.Write(
            "helmfile/release.yaml",
            "greeting: release\ncolor: release\nsize: release\n"
        );
        _workspace.Write("helmfile/flag.yaml", "greeting: flag-file\ncolor: flag-file\n");
    }

    public void Dispose() => _workspace.Dispose();

    private const string State = """
        environments:
          test: {}
        ---
        releases:
          - name: echo
            namespace: shop
            chart: ../charts/echo
            values:
              - release.yaml
            set:
              - name: size
                value: release-set

        """;

    private Task<RenderResult> RenderAsync(TemplateFlags flags) =>
        StateRender.RenderAsync(_workspace, State, flags);

    [Fact]
    public async Task Values_files_layer_after_the_release_values_and_set_flags_win_over_everything()
    {
        // Act
        var result = await RenderAsync(
            new TemplateFlags { Values = ["flag.yaml"], Set = ["greeting=flag-set,size=flag-set"] }
        );

        // Assert
        var yaml = StateRender.Yaml(result, "echo");
        Assert.Contains("greeting: \"flag-set\"", yaml);
        Assert.Contains("color: \"flag-file\"", yaml);
        Assert.Contains("size: \"flag-set\"", yaml);
    }

    [Fact]
    public async Task A_release_set_entry_wins_over_a_values_flag_as_set_wins_over_values_in_helm()
    {
        // Act
        var result = await RenderAsync(new TemplateFlags { Values = ["flag.yaml"] });

        // Assert
        var yaml = StateRender.Yaml(result, "echo");
        Assert.Contains("size: \"release-set\"", yaml);
        Assert.Contains("greeting: \"flag-file\"", yaml);
    }

    [Fact]
    public async Task The_namespace_flag_renders_every_release_into_that_namespace()
    {
        // Act
        var result = await RenderAsync(new TemplateFlags { Namespace = "override" });

        // Assert
        var release = result.Clusters.Single().Releases.Single();
        Assert.Equal("override", release.Namespace);
        Assert.Equal("test/test-1-35-green/override/echo.yaml", release.RelativePath);
        Assert.Contains("namespace: \"override\"", release.Yaml);
    }

    [Fact]
    public async Task A_changed_set_flag_renders_again_instead_of_coming_from_the_cache()
    {
        // Arrange
        var first = await RenderAsync(new TemplateFlags { Set = ["color=blue"] });
        var same = await RenderAsync(new TemplateFlags { Set = ["color=blue"] });

        // Act
        var changed = await RenderAsync(new TemplateFlags { Set = ["color=green"] });

        // Assert
        Assert.True(same.Clusters.Single().Releases.Single().FromCache);
        Assert.False(changed.Clusters.Single().Releases.Single().FromCache);
        Assert.Contains("color: \"green\"", StateRender.Yaml(changed, "echo"));
        Assert.Contains("color: \"blue\"", StateRender.Yaml(first, "echo"));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    [InlineData("a=1,broken")]
    public async Task A_set_flag_that_is_not_name_value_is_a_usage_error_showing_the_syntax(
        string set
    )
    {
        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() =>
            RenderAsync(new TemplateFlags { Set = [set] })
        );

        // Assert
        Assert.Contains($"--set '{set}'", error.Message);
        Assert.Contains("a.b=v", error.Message);
    }

    [Fact]
    public async Task A_values_flag_naming_no_file_is_a_usage_error_saying_where_it_looked()
    {
        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() =>
            RenderAsync(new TemplateFlags { Values = ["missing.yaml"] })
        );

        // Assert
        Assert.Contains("--values file 'missing.yaml' does not exist", error.Message);
        Assert.Contains(_workspace.Root / "helmfile" / "missing.yaml", error.Message);
    }
}
