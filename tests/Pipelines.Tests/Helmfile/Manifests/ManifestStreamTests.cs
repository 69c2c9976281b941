using Pipelines.Engine;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Tests.Helmfile.Manifests;

public class ManifestStreamTests
{
    [Fact]
    public void Helm_output_is_split_into_one_object_per_document_in_the_order_helm_printed()
    {
        // Act
        var objects = ManifestStream.Parse(HelmOutput.Web, "web", "apps");

        // Assert
        Assert.Equal(
            [
                ("v1", "ServiceAccount", "web", "web/templates/serviceaccount.yaml"),
                (
                    "rbac.authorization.k8s.io/v1",
                    "ClusterRole",
                    "web-reader",
                    "web/templates/clusterrole.yaml"
                ),
                ("v1", "Service", "web", "web/templates/service.yaml"),
                ("apps/v1", "Deployment", "web", "web/templates/deployment.yaml"),
            ],
            objects.Select(o => (o.ApiVersion, o.Kind, o.Name, o.SourceTemplate))
        );
    }

    [Fact]
    public void Yaml_is_the_document_exactly_as_helm_emitted_it_without_the_source_comment()
    {
        // Act
        var service = ManifestStream.Parse(HelmOutput.Web, "web", "apps")[2];

        // Assert
        Assert.StartsWith("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n", service.Yaml);
        Assert.EndsWith("  selector:\n    app.kubernetes.io/name: web", service.Yaml);
        Assert.DoesNotContain("# Source:", service.Yaml);
    }

    [Fact]
    public void Data_holds_the_document_as_plain_data()
    {
        // Act
        var deployment = ManifestStream.Parse(HelmOutput.Web, "web", "apps")[3];

        // Assert
        var spec = Assert.IsType<Dictionary<string, object?>>(
            Assert.IsType<Dictionary<string, object?>>(deployment.Data)["spec"]
        );
        Assert.Equal(2L, spec["replicas"]);
    }

    [Fact]
    public void Namespaced_objects_without_a_namespace_get_the_release_namespace_and_explicit_ones_win()
    {
        // Act
        var objects = ManifestStream.Parse(HelmOutput.Web, "web", "apps");

        // Assert
        Assert.Equal(["apps", null, "edge", "apps"], objects.Select(o => o.Namespace));
    }

    [Fact]
    public void Without_a_release_namespace_namespaced_objects_keep_only_their_own()
    {
        // Act
        var objects = ManifestStream.Parse(HelmOutput.Web, "web", defaultNamespace: null);

        // Assert
        Assert.Equal([null, null, "edge", null], objects.Select(o => o.Namespace));
    }

    [Theory]
    [InlineData("v1", "Namespace")]
    [InlineData("v1", "PersistentVolume")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")]
    [InlineData("apiextensions.k8s.io/v1", "CustomResourceDefinition")]
    [InlineData("storage.k8s.io/v1", "StorageClass")]
    [InlineData("storage.k8s.io/v1", "CSIDriver")]
    [InlineData("scheduling.k8s.io/v1", "PriorityClass")]
    [InlineData("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration")]
    [InlineData("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration")]
    [InlineData("apiregistration.k8s.io/v1", "APIService")]
    [InlineData("networking.k8s.io/v1", "IngressClass")]
    [InlineData("policy/v1beta1", "PodSecurityPolicy")]
    [InlineData("node.k8s.io/v1", "RuntimeClass")]
    [InlineData("cert-manager.io/v1", "ClusterIssuer")]
    [InlineData("karpenter.sh/v1", "NodePool")]
    public void Cluster_scoped_kinds_have_no_namespace_even_when_the_template_sets_one(
        string apiVersion,
        string kind
    )
    {
        // Arrange
        var output = HelmOutput.Single(apiVersion, kind) + "\n  namespace: apps\n";

        // Act
        var manifest = Assert.Single(ManifestStream.Parse(output, "web", "apps"));

        // Assert
        Assert.Null(manifest.Namespace);
    }

    [Theory]
    [InlineData("v1", "ConfigMap")]
    [InlineData("storage.k8s.io/v1", "CSIStorageCapacity")]
    [InlineData("authorization.k8s.io/v1", "LocalSubjectAccessReview")]
    [InlineData("example.com/v1", "NodePool")]
    [InlineData("monitoring.coreos.com/v1", "ServiceMonitor")]
    public void Namespaced_and_unknown_kinds_get_the_release_namespace(
        string apiVersion,
        string kind
    )
    {
        // Act
        var manifest = Assert.Single(
            ManifestStream.Parse(HelmOutput.Single(apiVersion, kind), "web", "apps")
        );

        // Assert
        Assert.Equal("apps", manifest.Namespace);
    }

    [Fact]
    public void Empty_and_comment_only_documents_are_skipped()
    {
        // Arrange
        var output = """
            ---
            # Source: web/templates/pdb.yaml
            # pod disruption budget disabled
            ---

            ---
            # Source: web/templates/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-config
            data:
              key: value
            ---
            """;

        // Act
        var objects = ManifestStream.Parse(output, "web", "apps");

        // Assert
        var configMap = Assert.Single(objects);
        Assert.Equal("web/templates/configmap.yaml", configMap.SourceTemplate);
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        // Arrange
        var output = HelmOutput.Single("v1", "ConfigMap").ReplaceLineEndings("\r\n");

        // Act
        var manifest = Assert.Single(ManifestStream.Parse(output, "web", "apps"));

        // Assert
        Assert.Equal("web/templates/object.yaml", manifest.SourceTemplate);
        Assert.Equal("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web", manifest.Yaml);
    }
}
