using Pipelines.Clusters;
using Pipelines.Failures;

namespace Pipelines.Tests.Clusters;

/// <summary>clusters.yaml's shape errors, each at file:line:col with the fix, from the one record reader.</summary>
public sealed class ClustersFileErrorTests
{
    private const string File = "helmfile/clusters.yaml";

    private static SourceLocatedException Refused(string text) =>
        Assert.Throws<SourceLocatedException>(() => ClustersFile.Parse(text, File));

    private static string Cluster(string extra = "") =>
        "environments:\n  stage:\n    region: eu-west-1\n    clusters:\n      - name: stage-1-33-green\n        kubernetesVersion: \"1.33\"\n        kubeContext: x\n        color: green\n        state: active\n"
        + extra;

    [Fact]
    public void A_misspelt_cluster_field_is_refused_with_the_field_it_resembles()
    {
        // Arrange
        var text = Cluster("        kubeContxt: y\n");

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/clusters.yaml:10:9: environments.stage.clusters[0]: unknown field 'kubeContxt'. Did you mean 'kubeContext'? "
                + "Known: name, kubernetesVersion, color, state, region, kubeContext, apiServer, carries, apiVersions, provisioned, deadline.",
            error.Message
        );
        Assert.Equal((File, 10, 9), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void A_size_that_is_not_a_number_names_the_field_and_the_type_it_needs()
    {
        // Arrange
        var text =
            "environments:\n  stage:\n    region: eu-west-1\n    nodeGroups:\n      - name: general\n        instanceTypes: [m6i.large]\n        minSize: two\n"
            + Cluster().Split('\n', 4)[3];

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/clusters.yaml:7:9: environments.stage.nodeGroups[0].minSize must be a whole number, not 'two'.",
            error.Message
        );
    }

    [Fact]
    public void A_cluster_without_a_state_is_told_to_add_it_with_the_valid_states()
    {
        // Arrange
        var text = Cluster().Replace("        state: active\n", "", StringComparison.Ordinal);

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/clusters.yaml:5:9: environments.stage.clusters[0]: required field 'state' is missing; add it: one of active, draining, retired.",
            error.Message
        );
    }

    [Fact]
    public void A_field_given_twice_is_refused_at_the_second_with_the_line_of_the_first()
    {
        // Arrange
        var text = Cluster("        color: blue\n");

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/clusters.yaml:10:9: environments.stage.clusters[0].color is given twice (first on line 8); keep one.",
            error.Message
        );
    }

    [Fact]
    public void An_environment_given_twice_is_refused_at_the_second()
    {
        // Arrange
        var text = Cluster() + "  stage:\n    clusters: []\n";

        // Act
        var error = Refused(text);

        // Assert
        Assert.StartsWith(
            "helmfile/clusters.yaml:10:3: environments.stage is given twice (first on line 2)",
            error.Message
        );
    }

    [Fact]
    public void A_cluster_declared_twice_is_refused_at_the_second_name()
    {
        // Arrange
        var text = Cluster() + Cluster().Split('\n', 5)[4];

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/clusters.yaml:10:9: cluster 'stage-1-33-green' is declared twice; names must be unique.",
            error.Message
        );
    }
}
