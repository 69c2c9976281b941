using Pipelines.Clusters.Eksctl;
using Pipelines.Failures;

namespace Pipelines.Tests.Clusters;

/// <summary>A hand-edited eksctl ClusterConfig's shape errors, each at file:line:col with the fix.</summary>
public sealed class ClusterConfigErrorTests
{
    private const string File = "clusters/stage-1-34-blue.eksctl.yaml";

    private const string Valid = """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata:
          name: stage-1-34-blue
          region: eu-west-1
          version: "1.34"
          tags:
            environment: stage
        iam:
          withOIDC: true
        managedNodeGroups:
          - name: general
            instanceTypes:
              - m6i.large
            minSize: 2
            maxSize: 4
            desiredCapacity: 2

        """;

    private static SourceLocatedException Refused(string text) =>
        Assert.Throws<SourceLocatedException>(() => ClusterConfigYaml.Read(text, File));

    [Fact]
    public void A_hand_edited_config_is_read_into_the_model()
    {
        // Act
        var config = ClusterConfigYaml.Read(Valid, File);

        // Assert
        Assert.Equal(("stage-1-34-blue", "1.34"), (config.Metadata.Name, config.Metadata.Version));
        Assert.True(config.WithOidc);
        Assert.Equal(2, config.ManagedNodeGroups.Single().DesiredCapacity);
    }

    [Fact]
    public void A_misspelt_field_is_refused_with_eksctls_spelling()
    {
        // Arrange
        var text = Valid.Replace("withOIDC", "withOidc", StringComparison.Ordinal);

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            $"{File}:10:3: iam: unknown field 'withOidc'. Did you mean 'withOIDC'? Known: withOIDC.",
            error.Message
        );
    }

    [Fact]
    public void A_flag_that_is_not_true_or_false_names_the_field()
    {
        // Arrange
        var text = Valid.Replace("withOIDC: true", "withOIDC: yes", StringComparison.Ordinal);

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal($"{File}:10:3: iam.withOIDC must be true or false, not 'yes'.", error.Message);
    }

    [Fact]
    public void A_config_without_a_region_is_told_to_add_it()
    {
        // Arrange
        var text = Valid.Replace("  region: eu-west-1\n", "", StringComparison.Ordinal);

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            $"{File}:4:3: metadata: required field 'region' is missing; add it: a string.",
            error.Message
        );
    }

    [Fact]
    public void A_node_group_without_a_size_is_told_which_one()
    {
        // Arrange
        var text = Valid.Replace("    maxSize: 4\n", "", StringComparison.Ordinal);

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            $"{File}:12:5: node group 'general': required field 'maxSize' is missing; add it: a whole number.",
            error.Message
        );
    }

    [Fact]
    public void A_key_given_twice_is_refused_at_the_second()
    {
        // Arrange
        var text = Valid.Replace(
            "kind: ClusterConfig\n",
            "kind: ClusterConfig\nkind: Cluster\n",
            StringComparison.Ordinal
        );

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            $"{File}:3:1: kind is given twice (first on line 2); keep one.",
            error.Message
        );
    }

    [Fact]
    public void Another_kind_is_refused_with_the_kind_expected()
    {
        // Arrange
        var text = Valid.Replace(
            "kind: ClusterConfig",
            "kind: NodeGroup",
            StringComparison.Ordinal
        );

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal($"{File}:2:1: kind must be ClusterConfig, not 'NodeGroup'.", error.Message);
    }
}
