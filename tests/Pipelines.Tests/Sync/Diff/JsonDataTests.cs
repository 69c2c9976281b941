using Pipelines.Sync.Diff;

namespace Pipelines.Tests.Sync.Diff;

public class JsonDataTests
{
    [Fact]
    public void Json_becomes_plain_data_with_longs_doubles_and_ordered_maps()
    {
        // Act
        var data = JsonData.ParseObject(
            """{"b": 1, "a": [1.5, "x", true, null, {"z": 9007199254740993}]}"""
        );

        // Assert
        Assert.Equal(["b", "a"], data.Keys);
        var list = Assert.IsType<List<object?>>(data["a"]);
        Assert.Equal(1L, data["b"]);
        Assert.Equal(1.5, list[0]);
        Assert.Equal("x", list[1]);
        Assert.Equal(true, list[2]);
        Assert.Null(list[3]);
        Assert.Equal(9007199254740993L, Assert.IsType<Dictionary<string, object?>>(list[4])["z"]);
    }

    [Fact]
    public void Plain_data_round_trips_through_json_with_sorted_keys()
    {
        // Arrange
        var data = new Dictionary<string, object?>
        {
            ["z"] = new List<object?> { 1L, 2.25, "\"quoted\" é", false, null },
            ["a"] = new Dictionary<string, object?> { ["n"] = -3L },
        };

        // Act
        var json = JsonData.ToJson(data);
        var again = JsonData.ToJson(JsonData.Parse(json));

        // Assert
        Assert.StartsWith("{\"a\":{\"n\":-3},\"z\":[1,2.25,", json);
        Assert.Equal(json, again);
        Assert.Equal(
            data["z"],
            Assert.IsType<Dictionary<string, object?>>(JsonData.Parse(json))["z"]
        );
    }

    [Fact]
    public void Values_that_are_not_plain_data_are_refused_with_the_supported_types()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() =>
            JsonData.ToJson(new Dictionary<string, object?> { ["x"] = DateTime.UnixEpoch })
        );

        // Assert
        Assert.Contains("plain data holds maps, lists", error.Message);
    }

    [Fact]
    public void A_top_level_array_is_not_an_object()
    {
        // Act
        var error = Assert.Throws<FormatException>(() => JsonData.ParseObject("[1]"));

        // Assert
        Assert.Contains("Expected a JSON object", error.Message);
    }
}
