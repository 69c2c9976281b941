using Pipelines.Clusters;
using Pipelines.Clusters.Editing;
using static Pipelines.Tests.Clusters.Fixtures;

namespace Pipelines.Tests.Clusters;

/// <summary>The lifecycle's edits to clusters.yaml go through the comment-preserving YamlEditor.</summary>
public class ClustersYamlEditorTests
{
    private const string Before = """
        # The clusters: comments here, beside values and inside lists stay.
        environments:
          stage:
            region: eu-west-1 # Ireland
            clusters:
              # the old one, on its way out
              - name: stage-1-33-blue
                kubernetesVersion: "1.33"
                kubeContext: stage-1-33-blue
                color: blue
                state: active   # serving
              - name: stage-1-34-green
                kubernetesVersion: "1.34"
                kubeContext: stage-1-34-green
                color: green
                state: active
                carries:
                  - tier=management # SRE first

        """;

    [Fact]
    public void Moving_an_app_changes_only_the_carries_lines_and_keeps_every_comment()
    {
        // Arrange
        var environment = ClustersFile.Parse(Before, "clusters.yaml").Single();
        var (blue, green) = (environment.Clusters[0], environment.Clusters[1]);
        var edits = CarriesEdits
            .StartCarrying(green, App("web"))
            .Concat(CarriesEdits.StopCarrying(blue, App("web")))
            .Append(new SetScalar(ClustersYamlEdit.ClusterPath(blue) + ".state", "draining"));

        // Act
        var after = ClustersYamlEditor.Apply(Before, "clusters.yaml", edits);

        // Assert
        Assert.Equal(
            """
            # The clusters: comments here, beside values and inside lists stay.
            environments:
              stage:
                region: eu-west-1 # Ireland
                clusters:
                  # the old one, on its way out
                  - name: stage-1-33-blue
                    kubernetesVersion: "1.33"
                    kubeContext: stage-1-33-blue
                    color: blue
                    state: draining   # serving
                    carries:
                      - app!=web
                  - name: stage-1-34-green
                    kubernetesVersion: "1.34"
                    kubeContext: stage-1-34-green
                    color: green
                    state: active
                    carries:
                      - tier=management # SRE first
                      - app=web

            """,
            after
        );
    }

    [Fact]
    public void A_selector_written_with_spaces_is_still_found_and_removed()
    {
        // Arrange
        var text = Before.Replace(
            "- tier=management # SRE first",
            "- tier=management # SRE first\n          - app = web"
        );
        var green = ClustersFile.Parse(text, "clusters.yaml").Single().Clusters[1];

        // Act
        var after = ClustersYamlEditor.Apply(
            text,
            "clusters.yaml",
            CarriesEdits.StopCarrying(green, App("web"))
        );

        // Assert
        Assert.Equal(Before, after);
    }

    [Fact]
    public void An_edit_that_would_leave_the_file_invalid_fails_before_anything_is_written()
    {
        // Arrange
        var blue = ClustersFile.Parse(Before, "clusters.yaml").Single().Clusters[0];

        // Act
        var error = Assert.ThrowsAny<Exception>(() =>
            ClustersYamlEditor.Apply(
                Before,
                "clusters.yaml",
                [new SetScalar(ClustersYamlEdit.ClusterPath(blue) + ".state", "gone")]
            )
        );

        // Assert
        Assert.Contains("state must be one of active, draining, retired", error.Message);
    }
}
