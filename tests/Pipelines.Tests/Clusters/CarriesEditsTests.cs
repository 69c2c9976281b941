using Pipelines.Clusters;
using Pipelines.Clusters.Editing;
using Pipelines.Engine;
using Pipelines.Failures;
using static Pipelines.Tests.Clusters.Fixtures;

namespace Pipelines.Tests.Clusters;

/// <summary>How carries: changes when an app moves from the old cluster to the new one.</summary>
public class CarriesEditsTests
{
    private const string Green = "environments.stage.clusters[name=stage-1-34-green].carries";
    private const string Blue = "environments.stage.clusters[name=stage-1-33-blue].carries";

    [Fact]
    public void A_new_cluster_carrying_only_management_gains_the_app_selector()
    {
        // Arrange
        var green = Cluster("1.34", ClusterColor.Green, "tier=management");

        // Act
        var edits = CarriesEdits.StartCarrying(green, App("web"));

        // Assert
        Assert.Equal([new AppendItem(Green, "app=web")], edits);
    }

    [Fact]
    public void An_old_cluster_carrying_everything_gets_a_negative_selector_for_the_app()
    {
        // Arrange
        var blue = Cluster("1.33", ClusterColor.Blue);

        // Act
        var edits = CarriesEdits.StopCarrying(blue, App("web"));

        // Assert
        Assert.Equal([new AppendItem(Blue, "app!=web")], edits);
    }

    [Fact]
    public void A_second_app_leaving_adds_its_term_to_the_same_selector_so_both_must_hold()
    {
        // Arrange
        var blue = Cluster("1.33", ClusterColor.Blue, "app!=web");

        // Act
        var edits = CarriesEdits.StopCarrying(blue, App("api"));

        // Assert
        Assert.Equal([new SetScalar(Blue + "[0]", "app!=web,app!=api")], edits);
    }

    [Fact]
    public void Moving_an_app_back_drops_its_negative_term_and_an_emptied_selector_means_everything_again()
    {
        // Arrange
        var onlyWebExcluded = Cluster("1.33", ClusterColor.Blue, "app!=web");
        var twoExcluded = Cluster("1.33", ClusterColor.Blue, "app!=web,app!=api");

        // Act
        var back = CarriesEdits.StartCarrying(onlyWebExcluded, App("web"));
        var backOne = CarriesEdits.StartCarrying(twoExcluded, App("web"));

        // Assert
        Assert.Equal([new RemoveKey(Blue)], back);
        Assert.Equal([new SetScalar(Blue + "[0]", "app!=api")], backOne);
    }

    [Fact]
    public void A_cluster_that_carried_the_app_by_name_loses_that_selector()
    {
        // Arrange
        var green = Cluster("1.34", ClusterColor.Green, "tier=management", "app=web");

        // Act
        var edits = CarriesEdits.StopCarrying(green, App("web"));

        // Assert
        Assert.Equal([new RemoveItem(Green, "app=web")], edits);
    }

    [Fact]
    public void A_broad_selector_that_still_matches_the_app_is_narrowed_and_other_selectors_stay()
    {
        // Arrange
        var blue = Cluster("1.33", ClusterColor.Blue, "tier=management", "tier=app");

        // Act
        var edits = CarriesEdits.StopCarrying(blue, App("web"));

        // Assert
        Assert.Equal([new SetScalar(Blue + "[1]", "tier=app,app!=web")], edits);
    }

    [Fact]
    public void Nothing_changes_when_the_cluster_already_carries_or_already_lacks_the_app()
    {
        // Arrange
        var everything = Cluster("1.34", ClusterColor.Green);
        var withoutWeb = Cluster("1.33", ClusterColor.Blue, "app!=web");

        // Act
        var start = CarriesEdits.StartCarrying(everything, App("web"));
        var stop = CarriesEdits.StopCarrying(withoutWeb, App("web"));

        // Assert
        Assert.Empty(start);
        Assert.Empty(stop);
    }

    [Fact]
    public void Taking_the_only_app_off_a_cluster_is_refused_rather_than_leaving_an_empty_list_that_means_all()
    {
        // Arrange
        var onlyWeb = Cluster("1.33", ClusterColor.Blue, "app=web");

        // Act
        var error = Assert.Throws<UsageException>(() =>
            CarriesEdits.StopCarrying(onlyWeb, App("web"))
        );

        // Assert
        Assert.Contains("carries nothing but web", error.Message);
        Assert.Contains("./build.sh RetireCluster --name stage-1-33-blue", error.Message);
    }
}
