using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Tests.Helmfile.Manifests;

public class ManifestStreamListAndErrorTests
{
    private const string ListOutput = """
        ---
        # Source: web/templates/config.yaml
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-a
            data:
              b: "2"
              a: "1"
          - apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: web-b
          - apiVersion: v1
            kind: ConfigMapList
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web-c
                  namespace: other
        """;

    [Fact]
    public void A_List_is_replaced_by_its_items_including_nested_lists()
    {
        // Act
        var objects = ManifestStream.Parse(ListOutput, "web", "apps");

        // Assert
        Assert.Equal(
            [
                ("ConfigMap", "web-a", "apps"),
                ("ClusterRole", "web-b", null),
                ("ConfigMap", "web-c", "other"),
            ],
            objects.Select(o => (o.Kind, o.Name, o.Namespace))
        );
        Assert.All(objects, o => Assert.Equal("web/templates/config.yaml", o.SourceTemplate));
    }

    [Fact]
    public void A_List_item_is_written_as_its_own_document_with_sorted_keys()
    {
        // Act
        var configMap = ManifestStream.Parse(ListOutput, "web", "apps")[0];

        // Assert
        Assert.Equal(
            "apiVersion: v1\ndata:\n  a: \"1\"\n  b: \"2\"\nkind: ConfigMap\nmetadata:\n  name: web-a",
            configMap.Yaml
        );
    }

    [Fact]
    public void A_document_without_a_source_comment_belongs_to_the_template_before_it()
    {
        // Arrange
        var output =
            HelmOutput.Single("v1", "ConfigMap", "first")
            + """

                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: second
                """;

        // Act
        var objects = ManifestStream.Parse(output, "web", "apps");

        // Assert
        Assert.Equal(
            ["web/templates/object.yaml", "web/templates/object.yaml"],
            objects.Select(o => o.SourceTemplate)
        );
    }

    [Fact]
    public void An_object_without_a_name_is_kept_as_helm_printed_it_and_says_what_it_lacks()
    {
        // Arrange
        var output = """
            ---
            # Source: web/templates/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                app: web
            """;

        // Act
        var document = ManifestStream.Parse(output, "web", "apps").Single();

        // Assert
        Assert.False(document.IsKubernetesObject);
        Assert.Equal(
            ("v1", "ConfigMap", "", null),
            (document.ApiVersion, document.Kind, document.Name, document.Namespace)
        );
        Assert.Equal(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    app: web",
            document.Yaml
        );
        Assert.StartsWith(
            "release web: web/templates/configmap.yaml: a ConfigMap has no metadata.name, so it is not a Kubernetes object",
            document.DescribeNotAnObject("web")
        );
    }

    [Fact]
    public void A_plain_mapping_a_raw_chart_prints_is_kept_and_written_back_unchanged()
    {
        // Arrange
        var output = "---\n# Source: raw/templates/env.yaml\nenvName: test\n";

        // Act
        var documents = ManifestStream.Parse(output, "raw", "apps");

        // Assert
        Assert.Equal(output, ManifestStream.Join(documents));
        Assert.Contains(
            "a document has no apiVersion, kind, metadata.name",
            documents.Single().DescribeNotAnObject("raw")
        );
    }

    [Fact]
    public void A_List_item_without_a_name_is_kept_and_named_by_its_position()
    {
        // Arrange
        var output =
            "---\n# Source: web/templates/l.yaml\napiVersion: v1\nkind: List\nitems:\n"
            + "  - {apiVersion: v1, kind: Secret, metadata: {name: ok}}\n  - {apiVersion: v1, kind: Secret}\n";

        // Act
        var documents = ManifestStream.Parse(output, "web", "apps");

        // Assert
        Assert.Equal([true, false], documents.Select(d => d.IsKubernetesObject));
        Assert.StartsWith(
            "release web: web/templates/l.yaml: item 2 of List: a Secret has no metadata.name",
            documents[1].DescribeNotAnObject("web")
        );
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_kept_as_written()
    {
        // Arrange
        var output = "---\n# Source: web/templates/list.yaml\n- a\n- b\n";

        // Act
        var document = ManifestStream.Parse(output, "web", "apps").Single();

        // Assert
        Assert.Equal("- a\n- b", document.Yaml);
        Assert.Equal("a list, not a mapping", document.NotAnObject);
    }

    [Fact]
    public void Invalid_yaml_is_an_error_naming_the_release_and_template()
    {
        // Arrange
        var output = "---\n# Source: web/templates/bad.yaml\napiVersion: v1\nkind: [ConfigMap\n";

        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            ManifestStream.Parse(output, "web", "apps")
        );

        // Assert
        Assert.StartsWith("release web: rendered web/templates/bad.yaml:", error.Message);
        Assert.Contains("invalid YAML", error.Message);
        Assert.Equal("web/templates/bad.yaml", error.File);
    }
}
