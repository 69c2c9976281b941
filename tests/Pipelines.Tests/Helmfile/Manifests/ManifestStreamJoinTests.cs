using Pipelines.Helmfile.Manifests;

namespace Pipelines.Tests.Helmfile.Manifests;

public class ManifestStreamJoinTests
{
    /// <summary>Data is a fresh dictionary per parse; every other field compares by value.</summary>
    private static IEnumerable<ManifestObject> Comparable(IEnumerable<ManifestObject> objects) =>
        objects.Select(o => o with { Data = null });

    [Fact]
    public void Join_writes_a_separator_and_source_comment_before_each_object()
    {
        // Arrange
        var objects = ManifestStream.Parse(HelmOutput.Single("v1", "ConfigMap"), "web", "apps");

        // Act
        var joined = ManifestStream.Join(objects);

        // Assert
        Assert.Equal(
            "---\n# Source: web/templates/object.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n",
            joined
        );
    }

    [Fact]
    public void Parsing_joined_objects_gives_back_the_same_objects()
    {
        // Arrange
        var objects = ManifestStream.Parse(HelmOutput.Web, "web", "apps");

        // Act
        var reparsed = ManifestStream.Parse(ManifestStream.Join(objects), "web", "apps");

        // Assert
        Assert.Equal(Comparable(objects), Comparable(reparsed));
    }

    [Fact]
    public void Join_of_helm_output_reproduces_it_byte_for_byte()
    {
        // Act
        var joined = ManifestStream.Join(ManifestStream.Parse(HelmOutput.Web, "web", "apps"));

        // Assert
        Assert.Equal(HelmOutput.Web + "\n", joined);
    }

    [Fact]
    public void Join_is_deterministic_and_stable_under_repeated_round_trips()
    {
        // Arrange
        var first = ManifestStream.Join(ManifestStream.Parse(HelmOutput.Web, "web", "apps"));

        // Act
        var second = ManifestStream.Join(ManifestStream.Parse(first, "web", "apps"));
        var again = ManifestStream.Join(ManifestStream.Parse(HelmOutput.Web, "web", "apps"));

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Join_keeps_the_given_order()
    {
        // Arrange
        var objects = ManifestStream.Parse(HelmOutput.Web, "web", "apps");

        // Act
        var reversed = ManifestStream.Parse(ManifestStream.Join(objects.Reverse()), "web", "apps");

        // Assert
        Assert.Equal(
            objects.Select(o => o.SourceTemplate).Reverse(),
            reversed.Select(o => o.SourceTemplate)
        );
    }

    [Fact]
    public void Join_of_no_objects_is_empty()
    {
        // Act
        var joined = ManifestStream.Join([]);

        // Assert
        Assert.Equal("", joined);
    }
}
