using System.Text.Json.Nodes;
using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

public class SchemaGeneratorTests
{
    private static JsonObject Properties() =>
        JsonNode.Parse(
            SchemaGenerator.Generate(new DocumentedBuild(), AbsolutePath.Create(Path.GetTempPath()))
        )!["properties"]!.AsObject();

    private static string[] Strings(JsonNode? array) =>
        array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public void The_schema_lists_an_enum_parameter_with_its_values_and_default()
    {
        // Act
        var stage = Properties()["Stage"]!;

        // Assert
        Assert.Equal("string", stage["type"]!.GetValue<string>());
        Assert.Equal(["Staging", "Production"], Strings(stage["enum"]));
        Assert.Equal("Staging", stage["default"]!.GetValue<string>());
        Assert.Equal("Deployment stage", stage["description"]!.GetValue<string>());
    }

    [Fact]
    public void The_schema_types_an_int_parameter_as_an_integer_with_a_numeric_default()
    {
        // Act
        var replicas = Properties()["Replicas"]!;

        // Assert
        Assert.Equal("integer", replicas["type"]!.GetValue<string>());
        Assert.Equal(3, replicas["default"]!.GetValue<int>());
    }

    [Fact]
    public void The_schema_offers_the_listed_target_names_for_Target_and_Skip()
    {
        // Act
        var properties = Properties();

        // Assert
        foreach (var name in new[] { "Target", "Skip" })
        {
            Assert.Equal("array", properties[name]!["type"]!.GetValue<string>());
            Assert.Equal(
                ["Compile", "Test", "Lint", "Publish", "Announce"],
                Strings(properties[name]!["items"]!["enum"])
            );
        }
    }

    [Fact]
    public void The_schema_leaves_out_help_and_plan_and_secret_defaults_and_refuses_unknown_keys()
    {
        // Act
        var schema = JsonNode.Parse(
            SchemaGenerator.Generate(new DocumentedBuild(), AbsolutePath.Create(Path.GetTempPath()))
        )!;
        var properties = schema["properties"]!.AsObject();

        // Assert
        Assert.False(properties.ContainsKey("Help"));
        Assert.False(properties.ContainsKey("Plan"));
        Assert.True(properties.ContainsKey("DryRun"));
        Assert.False(properties["RegistryToken"]!.AsObject().ContainsKey("default"));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }
}
