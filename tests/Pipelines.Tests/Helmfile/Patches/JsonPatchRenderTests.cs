using Pipelines.Failures;

namespace Pipelines.Tests.Helmfile.Patches;

/// <summary>A release's <c>jsonPatches</c> applied to what real helm rendered, as chartify and kustomize apply them.</summary>
public sealed class JsonPatchRenderTests : IDisposable
{
    private readonly PatchWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_json_patch_replaces_adds_and_removes_fields_of_the_objects_its_target_selects()
    {
        // Arrange
        _workspace.Release(
            """
            jsonPatches:
              - target: {version: v1, group: apps, kind: Deployment, name: demo}
                patch:
                  - {op: replace, path: /spec/replicas, value: 3}
                  - {op: add, path: /metadata/labels/tier, value: backend}
                  - {op: remove, path: /spec/template/spec/volumes}
            """
        );

        // Act
        var release = await _workspace.RenderAsync();

        // Assert
        var deployment = release.Object("Deployment");
        Assert.Equal(3L, deployment.At("spec.replicas"));
        Assert.Equal("backend", deployment.At("metadata.labels.tier"));
        Assert.Null(deployment.At("spec.template.spec.volumes"));
        Assert.Equal("apps", deployment.Namespace);
        Assert.Equal("demo/templates/deployment.yaml", deployment.SourceTemplate);
    }

    [Fact]
    public async Task Objects_no_patch_changed_keep_the_text_helm_printed_and_patched_ones_are_written_with_sorted_keys()
    {
        // Arrange
        _workspace.Release("");
        var unpatched = await _workspace.RenderAsync();
        _workspace.Release(
            """
            jsonPatches:
              - target: {kind: Deployment}
                patch: [{op: replace, path: /spec/replicas, value: 2}]
            """
        );

        // Act
        var patched = await _workspace.RenderAsync();

        // Assert
        Assert.Equal(unpatched.Object("Service").Yaml, patched.Object("Service").Yaml);
        Assert.StartsWith(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n",
            patched.Object("Deployment").Yaml
        );
        Assert.Contains("\nspec:\n  replicas: 2\n", patched.Object("Deployment").Yaml);
        Assert.Equal(
            unpatched.Objects.Select(o => (o.Kind, o.Name, o.SourceTemplate)),
            patched.Objects.Select(o => (o.Kind, o.Name, o.SourceTemplate))
        );
    }

    [Fact]
    public async Task A_dash_appends_to_a_list_and_tilde_escapes_name_keys_with_slashes_and_tildes()
    {
        // Arrange
        _workspace.Release(
            """
            jsonPatches:
              - target: {kind: Deployment}
                patch:
                  - {op: add, path: /spec/template/spec/containers/0/env/-, value: {name: EXTRA, value: "1"}}
                  - {op: add, path: /metadata/annotations, value: {}}
                  - {op: add, path: /metadata/annotations/example.com~1owner~0team, value: sre}
                  - {op: add, path: /spec/template/spec/containers/1, value: {name: middle, image: busybox:1.36}}
            """
        );

        // Act
        var deployment = (await _workspace.RenderAsync()).Object("Deployment");

        // Assert
        Assert.Equal("EXTRA", deployment.At("spec.template.spec.containers.0.env.1.name"));
        var annotations = (Dictionary<string, object?>)deployment.At("metadata.annotations")!;
        Assert.Equal("sre", annotations["example.com/owner~team"]);
        Assert.Equal("middle", deployment.At("spec.template.spec.containers.1.name"));
        Assert.Equal("sidecar", deployment.At("spec.template.spec.containers.2.name"));
    }

    [Fact]
    public async Task Move_copy_and_a_passing_test_apply_in_order()
    {
        // Arrange
        _workspace.Release(
            """
            jsonPatches:
              - target: {kind: ConfigMap}
                patch:
                  - {op: test, path: /data/a, value: "1"}
                  - {op: copy, from: /data/a, path: /data/b}
                  - {op: move, from: /data/a, path: /data/c}
                  - {op: test, path: /data/missing, value: null}
            """
        );

        // Act
        var config = (await _workspace.RenderAsync()).Object("ConfigMap");

        // Assert
        Assert.Equal(
            new Dictionary<string, object?> { ["b"] = "1", ["c"] = "1" },
            config.At("data")
        );
    }

    [Fact]
    public async Task A_failing_test_stops_the_render_naming_the_release_the_patch_the_operation_and_the_object()
    {
        // Arrange
        _workspace.Release(
            """
            jsonPatches:
              - target: {kind: Deployment}
                patch:
                  - {op: test, path: /spec/replicas, value: 2}
                  - {op: replace, path: /spec/replicas, value: 3}
            """
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.EndsWith("helmfile/helmfile.yaml", error.File);
        Assert.Contains(
            "release 'demo': jsonPatches #1 on Deployment demo (demo/templates/deployment.yaml): operation 1 "
                + "(test /spec/replicas): test failed: the value is 1, the patch expects 2.",
            error.Message
        );
    }

    [Fact]
    public async Task Replacing_a_path_that_does_not_exist_is_an_error_naming_the_missing_key_and_what_is_there()
    {
        // Arrange
        _workspace.Release(
            """
            jsonPatches:
              - target: {kind: ConfigMap}
                patch: [{op: replace, path: /data/baz, value: BAZ}]
            """
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains(
            "jsonPatches #1 on ConfigMap demo-config (demo/templates/configmap.yaml): operation 1 (replace /data/baz): "
                + "the path does not exist: no key 'baz' under /data (keys there: a).",
            error.Message
        );
    }

    [Theory]
    [InlineData(
        "{op: upsert, path: /spec/replicas, value: 1}",
        "unknown op 'upsert'; RFC 6902 ops are add, remove, replace, move, copy, test."
    )]
    [InlineData(
        "{op: replace, path: spec/replicas, value: 1}",
        "'spec/replicas' is not a JSON pointer: it must be empty (the whole object) or start with '/'"
    )]
    [InlineData(
        "{op: remove, path: /metadata/a~2b}",
        "'/metadata/a~2b' is not a JSON pointer: '~' must be written ~0"
    )]
    [InlineData("{op: add, path: /spec/replicas}", "op 'add' needs a 'value'.")]
    [InlineData("{op: move, path: /spec/replicas}", "op 'move' needs 'from'")]
    public async Task A_malformed_operation_is_refused_before_helm_runs_naming_the_patch_and_operation(
        string operation,
        string expected
    )
    {
        // Arrange
        _workspace.Release(
            $"jsonPatches:\n  - target: {{kind: Deployment}}\n    patch:\n      - {{op: test, path: /kind, value: Deployment}}\n      - {operation}\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains("release 'demo': jsonPatches #1, operation 2", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_json_patch_whose_target_selects_nothing_changes_nothing_as_in_helmfile()
    {
        // Arrange
        _workspace.Release("");
        var plain = await _workspace.RenderAsync();
        _workspace.Release(
            """
            jsonPatches:
              - target: {kind: ConfigMap, name: demo}
                patch: [{op: remove, path: /data}]
            """
        );

        // Act
        var patched = await _workspace.RenderAsync();

        // Assert
        Assert.Equal(plain.Yaml, patched.Yaml);
    }

    [Fact]
    public async Task Target_names_are_anchored_regular_expressions_and_label_selectors_filter()
    {
        // Arrange
        _workspace.Release(
            """
            jsonPatches:
              - target: {name: "demo-.*"}
                patch: [{op: add, path: /metadata/labels, value: {picked: by-name}}]
              - target: {labelSelector: "app in (demo,other),!tier"}
                patch: [{op: add, path: /metadata/labels/picked, value: by-label}]
            """
        );

        // Act
        var release = await _workspace.RenderAsync();

        // Assert
        Assert.Equal("by-name", release.Object("ConfigMap").At("metadata.labels.picked"));
        Assert.Equal("by-label", release.Object("Deployment").At("metadata.labels.picked"));
        Assert.Null(release.Object("Service").At("metadata.labels"));
    }

    [Fact]
    public async Task A_misspelt_target_field_is_refused_instead_of_patching_every_object()
    {
        // Arrange
        _workspace.Release(
            "jsonPatches:\n  - target: {kinds: Deployment}\n    patch: [{op: remove, path: /spec}]\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains("jsonPatches #1: 'target' has an unknown field 'kinds'", error.Message);
    }

    [Fact]
    public async Task A_json_patch_file_ending_in_gotmpl_is_rendered_with_the_release_data_first()
    {
        // Arrange
        _workspace.Write(
            "helmfile/patches/owner.yaml.gotmpl",
            """
            target:
              kind: Service
            patch:
              - op: add
                path: /metadata/annotations
                value:
                  owner: "{{ .Release.Namespace }}-{{ .Environment.Name }}"
            """
        );
        _workspace.Release("jsonPatches:\n  - patches/owner.yaml.gotmpl\n");

        // Act
        var service = (await _workspace.RenderAsync()).Object("Service");

        // Assert
        Assert.Equal("apps-test", service.At("metadata.annotations.owner"));
    }

    [Fact]
    public async Task A_missing_patch_file_is_an_error_unless_the_missing_file_handler_says_otherwise()
    {
        // Arrange
        _workspace.Release("jsonPatches:\n  - patches/none.yaml\n");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );
        _workspace.Release("missingFileHandler: Debug\njsonPatches:\n  - patches/none.yaml\n");
        var release = await _workspace.RenderAsync();

        // Assert
        Assert.Contains(
            "patch file helmfile/patches/none.yaml (named in helmfile/helmfile.yaml (release demo, jsonPatches)) does not exist",
            error.Message
        );
        Assert.Equal(1L, release.Object("Deployment").At("spec.replicas"));
    }
}
