using Pipelines.TestServers;
using Pipelines.Yaml.Editing;

namespace Pipelines.Tests.Clusters;

/// <summary>The cluster lifecycle edits, on a copy of the repository's helmfile/clusters.yaml.</summary>
public class ClustersFileEditTests
{
    /// <summary>Clusters/Golden/&lt;name&gt;.yaml: the input, and each edit's expected text byte for byte.</summary>
    private static string Golden(string name) =>
        File.ReadAllText(
            Path.Combine(
                RepositoryRoot.Path,
                "tests",
                "Pipelines.Tests",
                "Clusters",
                "Golden",
                name + ".yaml"
            )
        );

    private static readonly YamlEditor Clusters = YamlEditor.Parse(
        Golden("clusters.input"),
        "helmfile/clusters.yaml"
    );

    private static YamlPath P(string path) => YamlPath.Parse(path);

    [Fact]
    public void Retiring_a_cluster_changes_only_its_state()
    {
        // Act
        var edited = Clusters.SetScalar(
            P("environments.test.clusters[name=test-1-32-blue].state"),
            "retired"
        );

        // Assert
        Assert.Equal(Golden("clusters.retire.expected"), edited.Text);
    }

    [Fact]
    public void A_carries_item_is_appended_under_the_last_one()
    {
        // Act
        var edited = Clusters.AppendToSequence(
            P("environments.stage.clusters[name=stage-1-33-green].carries"),
            "app=api"
        );

        // Assert
        Assert.Equal(Golden("clusters.carry.expected"), edited.Text);
    }

    [Fact]
    public void A_missing_carries_list_is_created_at_the_end_of_the_cluster()
    {
        // Act
        var edited = Clusters.AppendToSequence(
            P("environments.stage.clusters[name=stage-1-32-blue].carries"),
            "tier=management"
        );

        // Assert
        Assert.Equal(Golden("clusters.carry-absent.expected"), edited.Text);
    }

    [Fact]
    public void A_carries_item_is_removed_with_its_line()
    {
        // Act
        var edited = Clusters.RemoveFromSequence(
            P("environments.stage.clusters[name=stage-1-33-green].carries"),
            "app=web"
        );

        // Assert
        Assert.Equal(Golden("clusters.uncarry.expected"), edited.Text);
    }

    [Fact]
    public void Removing_the_last_carries_item_leaves_an_empty_list_not_an_absent_one()
    {
        // Act
        var edited = Clusters.RemoveFromSequence(
            P("environments.prod.clusters[name=prod-1-33-green].carries"),
            "tier=management"
        );

        // Assert
        Assert.Equal(Golden("clusters.uncarry-last.expected"), edited.Text);
        Assert.True(edited.Exists(P("environments.prod.clusters[name=prod-1-33-green].carries")));
        Assert.Empty(edited.GetScalarSequence(P("environments.prod.clusters[1].carries")));
    }

    [Fact]
    public void A_new_cluster_is_appended_after_the_last_one_like_its_siblings()
    {
        // Act
        var edited = Clusters.AppendMapping(
            P("environments.prod.clusters"),
            [
                new("name", "prod-1-34-blue"),
                new("kubernetesVersion", "1.34"),
                new("kubeContext", "prod-1-34-blue"),
                new("color", "blue"),
                new("state", "active"),
                new("carries", (IReadOnlyList<string>)["tier=management"]),
            ]
        );

        // Assert
        Assert.Equal(Golden("clusters.new-cluster.expected"), edited.Text);
        Assert.Equal(
            "1.34",
            edited.GetScalar(P("environments.prod.clusters[name=prod-1-34-blue].kubernetesVersion"))
        );
    }

    [Fact]
    public void Absent_items_and_keys_are_no_ops_for_removals()
    {
        // Act
        var removedItem = Clusters.RemoveFromSequence(
            P("environments.test.clusters[name=test-1-32-blue].carries"),
            "app=web"
        );
        var removedKey = Clusters.RemoveKey(P("environments.test.clusters[name=nope].carries"));

        // Assert
        Assert.Same(Clusters, removedItem);
        Assert.Same(Clusters, removedKey);
    }
}
