using Pipelines.Failures;

namespace Pipelines.Tests.Helmfile.Patches;

/// <summary>A release's <c>strategicMergePatches</c> on what real helm rendered, merged as kustomize merges them.</summary>
public sealed class StrategicMergeRenderTests : IDisposable
{
    private readonly PatchWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private const string Header = """
        strategicMergePatches:
          - apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
        """;

    private static string Names(object? list) =>
        string.Join(
            ",",
            ((List<object?>)list!).Select(i => ((Dictionary<string, object?>)i!)["name"])
        );

    [Fact]
    public async Task Containers_and_env_merge_by_name_and_ports_by_container_port_with_the_patch_items_first()
    {
        // Arrange
        _workspace.Release(
            Header
                + """

                    spec:
                      template:
                        spec:
                          containers:
                            - name: debug
                              image: busybox:1.36
                            - name: app
                              image: nginx:1.27
                              env:
                                - {name: EXTRA, value: "1"}
                              ports:
                                - {containerPort: 8080, name: http}
                """
        );

        // Act
        var deployment = (await _workspace.RenderAsync()).Object("Deployment");

        // Assert
        Assert.Equal("debug,app,sidecar", Names(deployment.At("spec.template.spec.containers")));
        Assert.Equal("nginx:1.27", deployment.At("spec.template.spec.containers.1.image"));
        Assert.Equal("EXTRA,MODE", Names(deployment.At("spec.template.spec.containers.1.env")));
        Assert.Equal("http", deployment.At("spec.template.spec.containers.1.ports.0.name"));
        Assert.Single((List<object?>)deployment.At("spec.template.spec.containers.1.ports")!);
        Assert.Equal("data", deployment.At("spec.template.spec.containers.1.volumeMounts.0.name"));
    }

    [Fact]
    public async Task Volume_mounts_merge_by_mount_path_so_a_second_mount_of_a_volume_is_added()
    {
        // Arrange
        _workspace.Release(
            Header
                + """

                    spec:
                      template:
                        spec:
                          containers:
                            - name: app
                              volumeMounts:
                                - {name: data, mountPath: /cache}
                """
        );

        // Act
        var deployment = (await _workspace.RenderAsync()).Object("Deployment");

        // Assert
        var mounts = (List<object?>)deployment.At("spec.template.spec.containers.0.volumeMounts")!;
        Assert.Equal(
            ["/cache", "/data"],
            mounts.Select(m => ((Dictionary<string, object?>)m!)["mountPath"])
        );
    }

    [Fact]
    public async Task Patch_directives_delete_an_item_replace_a_map_replace_a_list_and_null_removes_a_field()
    {
        // Arrange
        _workspace.Release(
            Header
                + """

                      labels:
                        $patch: replace
                        team: shop
                    spec:
                      replicas: null
                      template:
                        spec:
                          containers:
                            - name: sidecar
                              $patch: delete
                          volumes:
                            - name: scratch
                              emptyDir: {}
                            - $patch: replace
                """
        );

        // Act
        var deployment = (await _workspace.RenderAsync()).Object("Deployment");

        // Assert
        Assert.Equal(
            new Dictionary<string, object?> { ["team"] = "shop" },
            deployment.At("metadata.labels")
        );
        Assert.Null(deployment.At("spec.replicas"));
        Assert.Equal("app", Names(deployment.At("spec.template.spec.containers")));
        Assert.Equal("scratch", Names(deployment.At("spec.template.spec.volumes")));
    }

    [Fact]
    public async Task Retain_keys_delete_from_primitive_list_and_set_element_order_act_as_kubectl_applies_them()
    {
        // Arrange
        _workspace.Release(
            """
            strategicMergePatches:
              - apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: demo
                spec:
                  $retainKeys: [parts, tags]
                  $deleteFromPrimitiveList/tags: [a]
                  $setElementOrder/parts: [{name: axle}, {name: wheel}]
                  color: red
            """
        );

        // Act
        var widget = (await _workspace.RenderAsync()).Object("Widget");

        // Assert
        Assert.Equal(["parts", "tags"], ((Dictionary<string, object?>)widget.At("spec")!).Keys);
        Assert.Equal(new List<object?> { "b" }, widget.At("spec.tags"));
        Assert.Equal("axle,wheel", Names(widget.At("spec.parts")));
    }

    [Fact]
    public async Task A_custom_resource_merges_lists_of_named_items_by_name_and_replaces_other_lists()
    {
        // Arrange
        _workspace.Release(
            """
            strategicMergePatches:
              - apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: demo
                spec:
                  parts:
                    - {name: axle, size: 5}
                  tags: [c]
            """
        );

        // Act
        var widget = (await _workspace.RenderAsync()).Object("Widget");

        // Assert
        Assert.Equal("axle,wheel", Names(widget.At("spec.parts")));
        Assert.Equal(5L, widget.At("spec.parts.0.size"));
        Assert.Equal(new List<object?> { "c" }, widget.At("spec.tags"));
    }

    [Fact]
    public async Task A_patch_with_patch_delete_at_its_top_removes_the_object_from_the_release()
    {
        // Arrange
        _workspace.Release(
            """
            strategicMergePatches:
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: demo-config
                $patch: delete
            """
        );

        // Act
        var release = await _workspace.RenderAsync();

        // Assert
        Assert.DoesNotContain(release.Objects, o => o.Kind == "ConfigMap");
        Assert.DoesNotContain("kind: ConfigMap", release.Yaml);
    }

    [Fact]
    public async Task A_patch_naming_an_object_the_release_does_not_render_is_an_error_listing_those_it_does()
    {
        // Arrange
        _workspace.Release(
            "strategicMergePatches:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: demo-conf}, data: {b: \"2\"}}\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains(
            "release 'demo': strategicMergePatches #1 targets ConfigMap demo-conf (v1, namespace default), which this "
                + "release does not render;",
            error.Message
        );
        Assert.Contains(
            "Its ConfigMap objects: demo-config (v1, namespace default).",
            error.Message
        );
    }

    [Fact]
    public async Task A_patch_matches_the_namespace_the_yaml_sets_not_the_release_namespace_as_kustomize_sees_it()
    {
        // Arrange
        _workspace.Release(
            "strategicMergePatches:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: demo-config, namespace: apps}, data: {b: \"2\"}}\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains(
            "targets ConfigMap demo-config (v1, namespace apps), which this release does not render",
            error.Message
        );
    }

    [Fact]
    public async Task Patches_read_from_a_file_of_several_documents_apply_each()
    {
        // Arrange
        _workspace.Write(
            "helmfile/patches/both.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: demo-config
            data:
              b: "2"
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: demo
            spec:
              type: NodePort
            """
        );
        _workspace.Release("strategicMergePatches:\n  - patches/both.yaml\n");

        // Act
        var release = await _workspace.RenderAsync();

        // Assert
        Assert.Equal("2", release.Object("ConfigMap").At("data.b"));
        Assert.Equal("1", release.Object("ConfigMap").At("data.a"));
        Assert.Equal("NodePort", release.Object("Service").At("spec.type"));
    }

    [Fact]
    public async Task An_unknown_patch_directive_is_an_error_naming_where_it_stands()
    {
        // Arrange
        _workspace.Release(Header + "\n      labels:\n        $patch: merrge\n");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains(
            "strategicMergePatches #1 on Deployment demo (demo/templates/deployment.yaml): '$patch: merrge' at "
                + "metadata.labels is not a directive; use merge, replace or delete.",
            error.Message
        );
    }
}
