using Pipelines.Yaml.Data;

namespace Pipelines.Yaml.Tests;

/// <summary>helmfile's layering of state values (docs: values-and-merging, "Array Merge Strategies").</summary>
public class ValueMergeTests
{
    private static Dictionary<string, object?> Read(string yaml) =>
        YamlData.ParseMapping(yaml, "v.yaml");

    [Fact]
    public void A_later_list_without_nulls_replaces_the_earlier_list()
    {
        // Act
        var merged = ValueMerge.Merge([Read("l: [a, b, c]"), Read("l: [x]")]);

        // Assert
        Assert.Equal(new List<object?> { "x" }, merged["l"]);
    }

    [Fact]
    public void A_later_list_holding_a_null_merges_item_by_item_the_null_keeping_the_earlier_item()
    {
        // Act
        var merged = ValueMerge.Merge([Read("l: [a, b]"), Read("l: [x, null, z]")]);

        // Assert
        Assert.Equal(new List<object?> { "x", "b", "z" }, merged["l"]);
    }

    [Fact]
    public void A_layer_merged_by_index_changes_only_the_items_it_names_and_merges_maps_inside_them()
    {
        // Arrange
        var earlier = Read("l: [{name: a, port: 1}, {name: b, port: 2}]\nk: [1, 2, 3]");
        var later = Read("l: [null, {port: 9}]\nk: [7]");

        // Act
        var merged = ValueMerge.Merge([
            (earlier, ValueMerge.Lists.Sparse),
            (later, ValueMerge.Lists.ByIndex),
        ]);

        // Assert
        Assert.Equal(
            "k:\n- 7\n- 2\n- 3\nl:\n- name: a\n  port: 1\n- name: b\n  port: 9\n",
            YamlData.ToYaml(merged)
        );
        Assert.Equal(2L, ((Dictionary<string, object?>)((List<object?>)earlier["l"]!)[1]!)["port"]);
    }
}
