using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Yaml.Tests;

public class YamlDataTests
{
    [Fact]
    public void Plain_scalars_resolve_to_types_and_quoted_ones_stay_strings()
    {
        // Act
        var map = YamlData.ParseMapping(
            "a: 1\nb: 1.5\nc: true\nd: ~\ne: \"1\"\nf: text\ng: 0x1F_x\n",
            "v.yaml"
        );

        // Assert
        Assert.Equal(1L, map["a"]);
        Assert.Equal(1.5, map["b"]);
        Assert.Equal(true, map["c"]);
        Assert.Null(map["d"]);
        Assert.Equal("1", map["e"]);
        Assert.Equal("text", map["f"]);
        Assert.Equal("0x1F_x", map["g"]);
    }

    [Fact]
    public void ToYaml_sorts_keys_and_quotes_what_would_change_type_as_Go_does()
    {
        // Arrange
        var data = new Dictionary<string, object?>
        {
            ["z"] = new List<object?> { "yes", "1", null },
            ["a"] = new Dictionary<string, object?> { ["off"] = "off", ["n"] = 2L },
            ["m"] = null,
        };

        // Act
        var yaml = YamlData.ToYaml(data);

        // Assert
        Assert.Equal(
            "a:\n  \"n\": 2\n  \"off\": \"off\"\nm: null\nz:\n- \"yes\"\n- \"1\"\n- null\n",
            yaml
        );
    }

    [Fact]
    public void Key_positions_are_kept_for_error_messages()
    {
        // Act
        var map = YamlData.ParseMapping("first: 1\n\nsecond:\n  nested: 2\n", "v.yaml");

        // Assert
        Assert.Equal((3, 1), YamlData.PositionOf(map, "second"));
        Assert.Equal(
            (2, 3),
            YamlData.PositionOf((Dictionary<string, object?>)map["second"]!, "nested") is { } p
                ? (p.Line - 2, p.Column)
                : default
        );
    }

    [Fact]
    public void Broken_yaml_names_the_file_line_and_column()
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            YamlData.ParseMapping("a: [1,\nb: 2\n", "values/x.yaml")
        );

        // Assert
        Assert.Equal("values/x.yaml", error.File);
        Assert.StartsWith("values/x.yaml", error.Message);
        Assert.Contains("invalid YAML", error.Message);
    }

    [Fact]
    public void A_top_level_list_where_a_mapping_is_expected_is_refused()
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            YamlData.ParseMapping("- a\n", "values/x.yaml")
        );

        // Assert
        Assert.Contains("expected a mapping", error.Message);
    }
}
