using Pipelines.Failures;

namespace Pipelines.Tests.Helmfile.Patches;

/// <summary>How patches meet the cache, determinism, the state file and documents that are not objects.</summary>
public sealed class PatchRenderBehaviourTests : IDisposable
{
    private readonly PatchWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private const string ReplicasPatch = """
        jsonPatches:
          - target: {kind: Deployment}
            patch: [{op: replace, path: /spec/replicas, value: COUNT}]
        strategicMergePatches:
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: demo-config}, data: {b: "2"}}
        transformers:
          - {apiVersion: builtin, kind: LabelTransformer, metadata: {name: l}, labels: {team: shop}, fieldSpecs: [{path: metadata/labels, create: true}]}
        """;

    [Fact]
    public async Task A_changed_patch_takes_effect_on_the_next_render_while_helm_output_comes_from_the_cache()
    {
        // Arrange
        _workspace.Release(ReplicasPatch.Replace("COUNT", "2"));
        var first = await _workspace.RenderAsync();
        _workspace.Release(ReplicasPatch.Replace("COUNT", "5"));

        // Act
        var second = await _workspace.RenderAsync();

        // Assert
        Assert.Equal(2L, first.Object("Deployment").At("spec.replicas"));
        Assert.Equal(5L, second.Object("Deployment").At("spec.replicas"));
        Assert.True(second.FromCache);
    }

    [Fact]
    public async Task The_same_patches_give_the_same_bytes_on_every_render()
    {
        // Arrange
        _workspace.Release(ReplicasPatch.Replace("COUNT", "2"));
        var first = await _workspace.RenderAsync();

        // Act
        var second = await _workspace.RenderAsync();

        // Assert
        Assert.Equal(first.Yaml, second.Yaml);
        Assert.False(first.FromCache);
    }

    [Fact]
    public async Task A_release_with_patches_refuses_a_document_that_is_not_a_kubernetes_object_as_kustomize_does()
    {
        // Arrange
        _workspace.Release(ReplicasPatch.Replace("COUNT", "2"), values: "{raw: test}");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains(
            "release 'demo': demo/templates/raw.yaml: a document has no apiVersion, kind, metadata.name, so it is not a "
                + "Kubernetes object",
            error.Message
        );
        Assert.Contains("kustomize, which accepts Kubernetes objects only", error.Message);
    }

    [Fact]
    public async Task A_patch_entry_that_is_neither_a_mapping_nor_a_path_is_refused_with_file_and_line()
    {
        // Arrange
        _workspace.Release("jsonPatches:\n  - 42\n");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains(
            "'jsonPatches' entries are inline mappings or paths of files, not a int64.",
            error.Message
        );
        Assert.NotNull(error.Line);
    }
}
