using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Yaml.Tests;

/// <summary>YAML merge keys read as go-yaml v3 (helmfile's reader) reads them.</summary>
public class MergeKeyTests
{
    [Fact]
    public void A_merge_key_copies_an_anchored_mapping_and_the_mapping_s_own_keys_win_wherever_they_stand()
    {
        // Act
        var map = YamlData.ParseMapping(
            """
            defaults: &defaults
              chart: ./app
              namespace: web
              timeout: 300
            release:
              namespace: own
              <<: *defaults
              name: web
            """,
            "helmfile.yaml"
        );

        // Assert
        var release = (Dictionary<string, object?>)map["release"]!;
        Assert.Equal("own", release["namespace"]);
        Assert.Equal("./app", release["chart"]);
        Assert.Equal(300L, release["timeout"]);
        Assert.Equal("web", release["name"]);
        Assert.False(release.ContainsKey("<<"));
    }

    [Fact]
    public void With_a_list_of_anchors_the_first_mapping_that_has_a_key_wins_and_the_merge_is_shallow()
    {
        // Act
        var map = YamlData.ParseMapping(
            """
            a: &a {x: from-a, nested: {one: 1}}
            b: &b {x: from-b, y: from-b, nested: {two: 2}}
            merged:
              <<: [*a, *b]
            """,
            "v.yaml"
        );

        // Assert
        var merged = (Dictionary<string, object?>)map["merged"]!;
        Assert.Equal("from-a", merged["x"]);
        Assert.Equal("from-b", merged["y"]);
        Assert.Equal(new Dictionary<string, object?> { ["one"] = 1L }, merged["nested"]);
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        // Act
        var map = YamlData.ParseMapping("\"<<\": literal\n", "v.yaml");

        // Assert
        Assert.Equal("literal", map["<<"]);
    }

    [Fact]
    public void A_merge_key_on_a_scalar_is_an_error_naming_the_file_line_and_column()
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            YamlData.ParseMapping("x: 1\nrelease:\n  <<: not-a-map\n", "helmfile.yaml")
        );

        // Assert
        Assert.StartsWith("helmfile.yaml:3:7: a merge key (<<) takes a mapping", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Keys_merged_in_keep_their_position_for_later_errors()
    {
        // Act
        var map = YamlData.ParseMapping(
            "base: &base\n  chart: ./app\nrelease:\n  <<: *base\n",
            "helmfile.yaml"
        );

        // Assert
        Assert.Equal(
            (2, 3),
            YamlData.PositionOf((Dictionary<string, object?>)map["release"]!, "chart")
        );
    }
}
