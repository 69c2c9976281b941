using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync;
using Pipelines.Tests.Helmfile.Patches;

namespace Pipelines.Tests.Helmfile;

/// <summary>
/// Documents that are not Kubernetes objects (a raw chart's <c>envName: test</c>): RenderHelmfile writes what helm
/// printed, as <c>helmfile template</c> does; the removed-API check passes them by and Sync refuses them by name.
/// </summary>
public sealed class RenderDocumentsTests : IDisposable
{
    private readonly PatchWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_chart_that_prints_a_plain_mapping_renders_it_as_helm_printed_it()
    {
        // Arrange
        _workspace.Release("", values: "{raw: test}");

        // Act
        var release = await _workspace.RenderAsync();

        // Assert
        Assert.Contains("---\n# Source: demo/templates/raw.yaml\nenvName: test\n", release.Yaml);
        Assert.Single(release.Objects, o => !o.IsKubernetesObject);
        Assert.Equal(4, release.Objects.Count(o => o.IsKubernetesObject));
    }

    [Fact]
    public async Task The_removed_api_check_passes_plain_documents_by_and_still_names_release_and_template_of_a_removed_api()
    {
        // Arrange
        _workspace.Write(
            "charts/demo/templates/ingress.yaml",
            "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec: {}\n"
        );
        _workspace.Release("", values: "{raw: test}");

        // Act
        var error = await Assert.ThrowsAnyAsync<Exception>(() => _workspace.RenderAsync());

        // Assert
        Assert.Contains(
            "test-1-35-green (Kubernetes 1.35): release demo: demo/templates/ingress.yaml: Ingress old (ns apps) uses "
                + "extensions/v1beta1, removed in 1.22; use networking.k8s.io/v1",
            error.Message
        );
        Assert.DoesNotContain("raw.yaml", error.Message);
    }

    [Fact]
    public async Task Sync_refuses_a_document_that_is_not_an_object_naming_cluster_release_and_template_before_touching_a_cluster()
    {
        // Arrange
        _workspace.Release("", values: "{raw: test}");
        var render = await _workspace.RenderResultAsync();
        var connected = false;

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            ClusterSyncing.SyncAllAsync(
                render,
                new SyncOptions(),
                _ =>
                {
                    connected = true;
                    throw new InvalidOperationException("no cluster may be touched");
                },
                CancellationToken.None
            )
        );

        // Assert
        Assert.False(connected);
        Assert.Equal("helmfile/helmfile.yaml", error.File);
        Assert.Contains(
            "Sync applies Kubernetes objects only, and 1 rendered document(s) are not:\n  test-1-35-green: release demo: "
                + "demo/templates/raw.yaml: a document has no apiVersion, kind, metadata.name",
            error.Message
        );
    }
}
