using Pipelines.Failures;
using Pipelines.Helmfile.State;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Helmfile;

/// <summary>--state-values-set, --state-values-set-string and --state-values-file, layered as helmfile layers them.</summary>
public sealed class StateValuesTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private DeclaredState Load(StateValueOverrides overrides, string environment = "test") =>
        new StateTree(_workspace.Root, HelmfileWorkspace.Templates())
            .Load(_workspace.Root / "helmfile" / "helmfile.yaml", environment, [], overrides)
            .Single()
            .State;

    private void WriteState() =>
        _workspace.Write(
            "helmfile/helmfile.yaml",
            """
            values:
              - top:
                  array: [thing1, thing2]
                  list:
                    - {thing: a, key: first}
                    - {thing: b, key: second}
            environments:
              test:
                values:
                  - replicas: 1
                    tags: [env]
            """
        );

    [Fact]
    public void State_values_set_layers_over_the_environment_and_changes_only_the_list_items_it_names()
    {
        // Arrange
        WriteState();

        // Act
        var state = Load(
            new StateValueOverrides(
                [],
                ["top.array[0]=cmdline", "top.list[1].key=cmd,replicas=3"],
                []
            )
        );

        // Assert
        Assert.Equal(
            """
            replicas: 3
            tags:
            - env
            top:
              array:
              - cmdline
              - thing2
              list:
              - key: first
                thing: a
              - key: cmd
                thing: b

            """.ReplaceLineEndings("\n"),
            YamlData.ToYaml(state.Values)
        );
    }

    [Fact]
    public void State_values_set_types_values_as_helm_set_does_and_set_string_keeps_them_strings()
    {
        // Arrange
        WriteState();

        // Act
        var state = Load(
            new StateValueOverrides([], [@"on=true,count=3,zero=007,text=a\,b"], ["version=1.10"])
        );

        // Assert
        Assert.Equal(true, state.Values["on"]);
        Assert.Equal(3L, state.Values["count"]);
        Assert.Equal("007", state.Values["zero"]);
        Assert.Equal("a,b", state.Values["text"]);
        Assert.Equal("1.10", state.Values["version"]);
    }

    [Fact]
    public void State_values_files_layer_after_the_environment_replace_lists_and_are_read_from_the_state_file_folder()
    {
        // Arrange
        WriteState();
        _workspace.Write("helmfile/overrides.yaml", "replicas: 5\ntags: [cli]\n");
        _workspace.Write(
            "helmfile/second.yaml.gotmpl",
            "env: {{ .Environment.Name }}\nreplicas: 6\n"
        );

        // Act
        var state = Load(new StateValueOverrides(["overrides.yaml", "second.yaml.gotmpl"], [], []));

        // Assert
        Assert.Equal(6L, state.Values["replicas"]);
        Assert.Equal(new List<object?> { "cli" }, state.Values["tags"]);
        Assert.Equal("test", state.Values["env"]);
        Assert.Equal(
            [
                "helmfile/helmfile.yaml",
                "helmfile/helmfile.yaml",
                "helmfile/overrides.yaml",
                "helmfile/second.yaml.gotmpl",
            ],
            state.Layers.Select(l => l.Source)
        );
    }

    [Fact]
    public void A_gotmpl_state_sees_the_command_line_values_in_its_parts_and_environment_files()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml.gotmpl",
            """
            environments:
              test:
                values:
                  - derived.yaml.gotmpl
            ---
            releases:
              - name: web-{{ .Values.suffix }}
                chart: ./chart
            """
        );
        _workspace.Write("helmfile/derived.yaml.gotmpl", "fromFile: {{ .Values.suffix }}-x\n");

        // Act
        var state = new StateTree(_workspace.Root, HelmfileWorkspace.Templates())
            .Load(
                _workspace.Root / "helmfile" / "helmfile.yaml.gotmpl",
                "test",
                [],
                new StateValueOverrides([], ["suffix=blue"], [])
            )
            .Single()
            .State;

        // Assert
        Assert.Equal("web-blue", Assert.Single(state.State.Releases).Name);
        Assert.Equal("blue-x", state.Values["fromFile"]);
    }

    [Fact]
    public void A_state_values_set_without_an_equals_sign_is_a_usage_error_with_an_example()
    {
        // Arrange
        WriteState();

        // Act
        var error = Assert.Throws<UsageException>(() =>
            Load(new StateValueOverrides([], ["replicas"], []))
        );

        // Assert
        Assert.Equal(
            "--state-values-set 'replicas' is not key=value; e.g. --state-values-set image.tag=v2,replicas=3 or "
                + "--state-values-set 'hosts[0].name=a'.",
            error.Message
        );
    }

    [Fact]
    public void A_state_values_set_path_with_a_broken_index_names_the_flag_and_the_fix()
    {
        // Arrange
        WriteState();

        // Act
        var error = Assert.Throws<UsageException>(() =>
            Load(new StateValueOverrides([], ["top.array[x]=1"], []))
        );

        // Assert
        Assert.Contains(
            "--state-values-set 'top.array[x]=1': 'top.array[x]' is not a value path",
            error.Message
        );
        Assert.Contains("a list index must be [<number>]", error.Message);
    }

    [Fact]
    public void A_missing_state_values_file_says_where_it_was_looked_for()
    {
        // Arrange
        WriteState();

        // Act
        var error = Assert.Throws<UsageException>(() =>
            Load(new StateValueOverrides(["nope.yaml"], [], []))
        );

        // Assert
        Assert.StartsWith("--state-values-file nope.yaml: ", error.Message);
        Assert.Contains("helmfile/nope.yaml does not exist", error.Message);
        Assert.Contains("read from the state file's folder", error.Message);
    }

    [Fact]
    public void The_default_environment_exists_without_being_declared()
    {
        // Arrange
        WriteState();

        // Act
        var state = Load(StateValueOverrides.None, "default");

        // Assert
        Assert.Equal("default", state.Environment);
        Assert.False(state.Values.ContainsKey("replicas"));
        Assert.True(state.Values.ContainsKey("top"));
    }
}
