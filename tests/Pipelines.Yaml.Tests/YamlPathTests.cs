using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

public class YamlPathTests
{
    [Theory]
    [InlineData("image.tag")]
    [InlineData("environments.stage.clusters[name=stage-1-33-green].state")]
    [InlineData("a.b[0]")]
    [InlineData("[0].a")]
    [InlineData("annotations[\"example.com/owner\"]")]
    [InlineData("items[\"a=b\"=\"x]y\"].v")]
    [InlineData("items[name=1.2].v")]
    public void A_path_reads_back_as_it_was_written(string text)
    {
        // Act
        var path = YamlPath.Parse(text);

        // Assert
        Assert.Equal(text, path.ToString());
        Assert.Equal(path, YamlPath.Parse(path.ToString()));
    }

    [Fact]
    public void Segments_are_keys_indexes_and_matches()
    {
        // Act
        var path = YamlPath.Parse("a['b.c'][2][name=x y]");

        // Assert
        Assert.Equal(
            [
                new YamlPathSegment.Key("a"),
                new YamlPathSegment.Key("b.c"),
                new YamlPathSegment.Index(2),
                new YamlPathSegment.Match("name", "x y"),
            ],
            path.Segments
        );
        Assert.Equal("a[\"b.c\"][2][name=x y]", path.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a..b", "empty key")]
    [InlineData("a.", "ends with a dot")]
    [InlineData("a[", "neither an index")]
    [InlineData("a[x]", "neither an index nor field=value")]
    [InlineData("a]b", "without a matching")]
    [InlineData("a[0", "expected ']'")]
    [InlineData("a[\"b]", "unclosed")]
    [InlineData("a[=x]", "needs a field name")]
    [InlineData("a\"b\"", "must stand in brackets")]
    [InlineData("a[0]b", "expected '.' or '['")]
    [InlineData("a[-1]", "neither an index")]
    public void A_malformed_path_names_the_position_and_the_syntax(string text, string problem)
    {
        // Act
        var error = Assert.Throws<UsageException>(() => YamlPath.Parse(text));

        // Assert
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("at character", error.Message, StringComparison.Ordinal);
        Assert.Contains("[field=value]", error.Message, StringComparison.Ordinal);
    }
}
