using Pipelines.Failures;

namespace Pipelines.Tests.Helmfile.Patches;

/// <summary>A release's <c>transformers</c>: kustomize's builtin transformers on what real helm rendered.</summary>
public sealed class TransformerRenderTests : IDisposable
{
    private readonly PatchWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_LabelTransformer_sets_its_labels_at_each_fieldSpecs_path_of_the_kinds_it_selects()
    {
        // Arrange
        _workspace.Release(
            """
            transformers:
              - apiVersion: builtin
                kind: LabelTransformer
                metadata: {name: team}
                labels: {team: shop}
                fieldSpecs:
                  - {path: metadata/labels, create: true}
                  - {kind: Deployment, path: spec/template/metadata/labels, create: true}
            """
        );

        // Act
        var release = await _workspace.RenderAsync();

        // Assert
        Assert.All(release.Objects, o => Assert.Equal("shop", o.At("metadata.labels.team")));
        Assert.Equal("shop", release.Object("Deployment").At("spec.template.metadata.labels.team"));
        Assert.Equal("demo", release.Object("Deployment").At("spec.template.metadata.labels.app"));
    }

    [Fact]
    public async Task An_AnnotationsTransformer_writes_numbers_as_the_strings_annotations_are()
    {
        // Arrange
        _workspace.Release(
            """
            transformers:
              - apiVersion: builtin
                kind: AnnotationsTransformer
                metadata: {name: notImportantHere}
                annotations: {area: 51, greeting: take me to your leader}
                fieldSpecs: [{path: metadata/annotations, create: true}]
            """
        );

        // Act
        var service = (await _workspace.RenderAsync()).Object("Service");

        // Assert
        Assert.Equal("51", service.At("metadata.annotations.area"));
        Assert.Contains("area: \"51\"", service.Yaml);
    }

    [Fact]
    public async Task An_ImageTagTransformer_changes_the_matching_image_of_every_container_and_a_digest_drops_the_tag()
    {
        // Arrange
        _workspace.Release(
            """
            transformers:
              - apiVersion: builtin
                kind: ImageTagTransformer
                metadata: {name: nginx}
                imageTag: {name: nginx, newName: registry.example.com/nginx, newTag: "1.27"}
              - apiVersion: builtin
                kind: ImageTagTransformer
                metadata: {name: busybox}
                imageTag: {name: busybox, digest: "sha256:0123"}
            """
        );

        // Act
        var deployment = (await _workspace.RenderAsync()).Object("Deployment");

        // Assert
        Assert.Equal(
            "registry.example.com/nginx:1.27",
            deployment.At("spec.template.spec.containers.0.image")
        );
        Assert.Equal("busybox@sha256:0123", deployment.At("spec.template.spec.containers.1.image"));
    }

    [Fact]
    public async Task A_ReplicaCountTransformer_sets_the_count_and_refuses_a_name_the_release_does_not_render()
    {
        // Arrange
        const string Transformer = """
            transformers:
              - apiVersion: builtin
                kind: ReplicaCountTransformer
                metadata: {name: scale}
                replica: {name: NAME, count: 4}
                fieldSpecs: [{kind: Deployment, path: spec/replicas, create: true}]
            """;
        _workspace.Release(Transformer.Replace("NAME", "demo"));
        var scaled = await _workspace.RenderAsync();
        _workspace.Release(Transformer.Replace("NAME", "web"));

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Equal(4L, scaled.Object("Deployment").At("spec.replicas"));
        Assert.Contains(
            "transformers #1 (ReplicaCountTransformer): no object named 'web' of Deployment",
            error.Message
        );
    }

    [Fact]
    public async Task A_NamespaceTransformer_moves_namespaced_objects_and_the_rendered_namespace_follows()
    {
        // Arrange
        _workspace.Release(
            """
            transformers:
              - apiVersion: builtin
                kind: NamespaceTransformer
                metadata: {name: move, namespace: shop}
            """
        );

        // Act
        var release = await _workspace.RenderAsync();

        // Assert
        Assert.All(release.Objects, o => Assert.Equal("shop", o.Namespace));
        Assert.Equal("shop", release.Object("Service").At("metadata.namespace"));
    }

    [Theory]
    [InlineData(
        "{apiVersion: builtin, kind: PrefixSuffixTransformer, metadata: {name: p}, prefix: a-}",
        "kind 'PrefixSuffixTransformer' is not a transformer RenderHelmfile runs; the builtin transformers here are AnnotationsTransformer, ImageTagTransformer, LabelTransformer, NamespaceTransformer, ReplicaCountTransformer."
    )]
    [InlineData(
        "{apiVersion: example.com/v1, kind: SopsTransformer, metadata: {name: s}}",
        "SopsTransformer has apiVersion 'example.com/v1'; only kustomize's builtin transformers (apiVersion: builtin) run here"
    )]
    [InlineData(
        "{apiVersion: builtin, kind: LabelTransformer, metadata: {name: l}, labels: {a: b}}",
        "(LabelTransformer): has no fieldSpecs, so kustomize (and helmfile) would add the labels nowhere."
    )]
    [InlineData(
        "{apiVersion: builtin, kind: LabelTransformer, metadata: {name: l}, labels: {a: b}, fieldSpec: []}",
        "(LabelTransformer): unknown field 'fieldSpec'"
    )]
    public async Task A_transformer_that_cannot_run_as_written_is_refused_naming_it(
        string transformer,
        string expected
    )
    {
        // Arrange
        _workspace.Release($"transformers:\n  - {transformer}\n");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            _workspace.RenderAsync()
        );

        // Assert
        Assert.Contains("release 'demo': transformers #1", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
