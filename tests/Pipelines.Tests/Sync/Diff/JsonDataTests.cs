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
    public void An_element_inside_a_larger_document_becomes_plain_data_on_its_own()
    {
        // Arrange: a LIST answer, of which each item is read by itself
        using var list = System.Text.Json.JsonDocument.Parse(
            """{"kind": "List", "items": [{"n": 1}, {"n": 2.5, "s": "a\"b", "l": [[], {}]}]}"""
        );

        // Act
        var second = JsonData.FromElement(list.RootElement.GetProperty("items")[1]);

        // Assert
        var map = Assert.IsType<Dictionary<string, object?>>(second);
        Assert.Equal(["n", "s", "l"], map.Keys);
        Assert.Equal(2.5, map["n"]);
        Assert.Equal("a\"b", map["s"]);
        var nested = Assert.IsType<List<object?>>(map["l"]);
        Assert.Empty(Assert.IsType<List<object?>>(nested[0]));
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(nested[1]));
        Assert.Equal(
            1L,
            JsonData.FromElement(list.RootElement.GetProperty("items")[0].GetProperty("n"))
        );
    }

    [Fact]
    public void Managed_fields_are_left_out_of_every_object_metadata_on_request()
    {
        // Arrange: a LIST whose items carry managedFields; a key of that name elsewhere is data
        using var list = System.Text.Json.JsonDocument.Parse(
            """
            {"metadata": {"resourceVersion": "7"}, "items": [
              {"metadata": {"name": "a", "managedFields": [{"manager": "x", "fieldsV1": {"f:data": {}}}]},
               "data": {"managedFields": "kept"}}]}
            """
        );

        // Act
        var lean =
            (Dictionary<string, object?>)
                JsonData.FromElement(list.RootElement, withoutManagedFields: true)!;
        var whole = (Dictionary<string, object?>)JsonData.FromElement(list.RootElement)!;

        // Assert
        var item = (Dictionary<string, object?>)((List<object?>)lean["items"]!)[0]!;
        Assert.Equal(["name"], ((Dictionary<string, object?>)item["metadata"]!).Keys);
        Assert.Equal("kept", ((Dictionary<string, object?>)item["data"]!)["managedFields"]);
        var full = (Dictionary<string, object?>)((List<object?>)whole["items"]!)[0]!;
        Assert.Contains("managedFields", ((Dictionary<string, object?>)full["metadata"]!).Keys);
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
