using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

/// <summary>Booleans are written plain, where a string "true" would be quoted: helmfile's condition: needs a boolean.</summary>
public class SetBooleanTests
{
    private static readonly YamlPath Enabled = YamlPath.Parse("web2.enabled");

    [Fact]
    public void A_new_key_is_written_as_a_plain_boolean_after_the_comments_of_the_file()
    {
        // Arrange
        var editor = YamlEditor.Parse("# Stage\ndomain: stage.example.com\n", "stage.yaml");

        // Act
        var text = editor.SetBoolean(Enabled, true).Text;

        // Assert
        Assert.Equal("# Stage\ndomain: stage.example.com\nweb2:\n  enabled: true\n", text);
    }

    [Fact]
    public void A_quoted_string_becomes_a_plain_boolean()
    {
        // Arrange
        var editor = YamlEditor.Parse("web2:\n  enabled: \"false\" # off\n", "prod.yaml");

        // Act
        var text = editor.SetBoolean(Enabled, true).Text;

        // Assert
        Assert.Equal("web2:\n  enabled: true # off\n", text);
    }

    [Fact]
    public void SetScalar_still_quotes_a_string_that_reads_as_a_boolean()
    {
        // Arrange
        var editor = YamlEditor.Parse("", "v.yaml");

        // Act
        var text = editor.SetScalar(Enabled, "true").Text;

        // Assert
        Assert.Equal("web2:\n  enabled: \"true\"\n", text);
    }
}
