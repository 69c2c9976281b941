using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Helmfile;

public sealed class StateLoaderTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private DeclaredState Load(string environment, string file = "helmfile/helmfile.yaml") =>
        new StateLoader(_workspace.Root, HelmfileWorkspace.Templates()).Load(
            _workspace.Root / file,
            environment
        );

    [Fact]
    public void Environment_values_layer_with_maps_merged_later_files_winning_and_lists_replaced()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            """
            values:
              - defaults.yaml
            environments:
              stage:
                values:
                  - values/values.yaml
                  - values/stage.yaml
                  - inline: {fromInline: true}
            """
        );
        _workspace.Write("helmfile/defaults.yaml", "owner: sre\nweb: {replicas: 0}\n");
        _workspace.Write(
            "helmfile/values/values.yaml",
            "web: {replicas: 1, port: 80}\ntags: [a, b]\n"
        );
        _workspace.Write("helmfile/values/stage.yaml", "web: {replicas: 2}\ntags: [c]\n");

        // Act
        var state = Load("stage");

        // Assert
        Assert.Equal("sre", state.Values["owner"]);
        var web = (Dictionary<string, object?>)state.Values["web"]!;
        Assert.Equal(2L, web["replicas"]);
        Assert.Equal(80L, web["port"]);
        Assert.Equal(new List<object?> { "c" }, state.Values["tags"]);
        Assert.Equal(true, ((Dictionary<string, object?>)state.Values["inline"]!)["fromInline"]);
    }

    [Fact]
    public void A_later_part_of_a_gotmpl_state_sees_the_values_of_the_environments_declared_before_it()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml.gotmpl",
            """
            environments:
              prod:
                values:
                  - replicas: 3
            ---
            releases:
              - name: web-{{ .Environment.Name }}
                chart: ./chart
                values:
                  - replicaCount: {{ .Values.replicas }}
            """
        );

        // Act
        var state = Load("prod", "helmfile/helmfile.yaml.gotmpl");

        // Assert
        var release = Assert.Single(state.State.Releases);
        Assert.Equal("web-prod", release.Name);
        var inline = Assert.IsType<InlineValues>(Assert.Single(release.Values));
        Assert.Equal(3L, inline.Values["replicaCount"]);
    }

    [Fact]
    public void Bases_are_loaded_first_and_merged_with_the_state()
    {
        // Arrange
        _workspace.Write(
            "helmfile/base/environments.yaml",
            "environments:\n  test:\n    values:\n      - {fromBase: 1}\n"
        );
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "bases:\n  - base/environments.yaml\nenvironments:\n  test:\n    values:\n      - {fromState: 2}\nreleases:\n  - name: a\n    chart: ./a\n"
        );

        // Act
        var state = Load("test");

        // Assert
        Assert.Equal(1L, state.Values["fromBase"]);
        Assert.Equal(2L, state.Values["fromState"]);
        Assert.Single(state.State.Releases);
    }

    [Fact]
    public void A_missing_values_file_is_an_error_naming_it_unless_the_handler_says_warn()
    {
        // Arrange
        var strict = "environments:\n  test:\n    values:\n      - values/missing.yaml\n";
        var lenient =
            "environments:\n  test:\n    missingFileHandler: Warn\n    values:\n      - values/missing.yaml\n      - {kept: true}\n";

        // Act
        _workspace.Write("helmfile/helmfile.yaml", strict);
        var error = Assert.Throws<SourceLocatedException>(() => Load("test"));
        _workspace.Write("helmfile/helmfile.yaml", lenient);
        var state = Load("test");

        // Assert
        Assert.Contains("helmfile/values/missing.yaml", error.Message);
        Assert.Contains("missingFileHandler", error.Message);
        Assert.Equal(true, state.Values["kept"]);
    }

    [Fact]
    public void An_unknown_environment_is_a_usage_error_with_a_suggestion_and_the_valid_names()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\n  stage: {}\n  prod: {}\n"
        );

        // Act
        var error = Assert.Throws<UsageException>(() => Load("stag"));

        // Assert
        Assert.Contains("Unknown environment 'stag'. Did you mean 'stage'?", error.Message);
        Assert.Contains(
            "Valid: test, stage, prod, default (from helmfile/helmfile.yaml)",
            error.Message
        );
    }

    [Fact]
    public void Broken_yaml_is_reported_with_file_and_line()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\nreleases:\n  - name: a\n    chart: [unclosed\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("test"));

        // Assert
        Assert.Equal("helmfile/helmfile.yaml", error.File);
        Assert.NotNull(error.Line);
        Assert.StartsWith("helmfile/helmfile.yaml:", error.Message);
    }

    [Fact]
    public void A_field_that_changes_rendering_and_is_not_implemented_is_refused_with_its_position()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\nreleases:\n  - name: a\n    chart: ./a\n    secrets: [secrets.yaml]\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("test"));

        // Assert
        Assert.Equal(6, error.Line);
        Assert.Contains("field 'secrets' is not supported", error.Message);
        Assert.Contains("Supported: apiVersions, chart,", error.Message);
        Assert.Contains("--renderer helmfile", error.Message);
    }

    [Fact]
    public void Fields_that_only_matter_to_helm_upgrade_are_accepted()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\nhelmDefaults:\n  wait: true\n  timeout: 300\nreleases:\n  - name: a\n    chart: ./a\n    atomic: true\n"
        );

        // Act
        var state = Load("test");

        // Assert
        Assert.Equal("a", Assert.Single(state.State.Releases).Name);
    }

    [Fact]
    public void Release_templating_renders_values_paths_and_conditions_decide_what_renders()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            """
            environments:
              stage:
                values:
                  - {web: {enabled: true}, api: {enabled: false}}
            ---
            commonLabels:
              team: sre
            releases:
              - name: web
                chart: ./chart
                condition: web.enabled
                values:
                  - values/{{ .Release.Name }}/{{ .Environment.Name }}.yaml
              - name: api
                chart: ./chart
                condition: api.enabled
              - name: off
                chart: ./chart
                installed: false
            """
        );
        var state = Load("stage");

        // Act
        var resolved = state
            .State.Releases.Select(r =>
                ReleaseTemplating.Apply(state, r, HelmfileWorkspace.Templates())
            )
            .ToList();

        // Assert
        var web = resolved[0];
        Assert.True(web.Enabled);
        Assert.Equal(
            "values/web/stage.yaml",
            Assert.IsType<ValuesFile>(Assert.Single(web.Spec.Values)).Path
        );
        Assert.Equal("sre", web.Spec.Labels["team"]);
        Assert.False(resolved[1].Enabled);
        Assert.Equal("condition api.enabled is false", resolved[1].DisabledReason);
        Assert.False(resolved[2].Enabled);
    }

    [Fact]
    public void An_unsupported_template_construct_is_an_error_with_its_position()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml.gotmpl",
            "environments:\n  test: {}\n---\n{{ getHostByName \"x\" }}\nreleases: []\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            Load("test", "helmfile/helmfile.yaml.gotmpl")
        );

        // Assert
        Assert.Equal("helmfile/helmfile.yaml.gotmpl", error.File);
        Assert.Equal(4, error.Line);
    }
}
