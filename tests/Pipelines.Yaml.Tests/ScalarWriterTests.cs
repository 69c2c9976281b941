using Pipelines.Yaml.Editing;
using YamlDotNet.Core;

namespace Pipelines.Yaml.Tests;

public class ScalarWriterTests
{
    [Theory]
    [InlineData("v1", "v1")]
    [InlineData("0.1.0-3f2a1bc", "0.1.0-3f2a1bc")]
    [InlineData("sha256:4c0a", "sha256:4c0a")]
    [InlineData("-x", "-x")]
    [InlineData("a,b", "a,b")]
    [InlineData("é ü", "é ü")]
    [InlineData("1234567", "\"1234567\"")]
    [InlineData("0777", "\"0777\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("1:20", "\"1:20\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("0o17", "\"0o17\"")]
    [InlineData("12e4567", "\"12e4567\"")]
    [InlineData("1.0", "\"1.0\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("2024-01-02", "\"2024-01-02\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("Off", "\"Off\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("", "\"\"")]
    [InlineData("<<", "\"<<\"")]
    [InlineData("@x", "\"@x\"")]
    [InlineData("*x", "\"*x\"")]
    [InlineData("&x", "\"&x\"")]
    [InlineData("!x", "\"!x\"")]
    [InlineData("%x", "\"%x\"")]
    [InlineData("`x", "\"`x\"")]
    [InlineData("- x", "\"- x\"")]
    [InlineData("? x", "\"? x\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("a:", "\"a:\"")]
    [InlineData("a #b", "\"a #b\"")]
    [InlineData("#x", "\"#x\"")]
    [InlineData(" x", "\" x\"")]
    [InlineData("x ", "\"x \"")]
    [InlineData("---", "\"---\"")]
    [InlineData("a\tb", "\"a\\tb\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("bell\u0007", "\"bell\\a\"")]
    [InlineData("no\u00A0break", "no\u00A0break")]
    [InlineData("del\u007F", "\"del\\x7F\"")]
    [InlineData("sep\u2028", "\"sep\\L\"")]
    public void A_plain_value_is_written_plain_only_when_it_reads_back_as_the_same_string(
        string value,
        string written
    )
    {
        // Act
        var text = ScalarWriter.Write(value, ScalarStyle.Plain, inFlow: false);

        // Assert
        Assert.Equal(written, text);
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("sha256:4c0a", "\"sha256:4c0a\"")]
    [InlineData("{x}", "\"{x}\"")]
    [InlineData("v1", "v1")]
    public void Inside_flow_collections_flow_indicators_are_quoted(string value, string written)
    {
        // Act
        var text = ScalarWriter.Write(value, ScalarStyle.Plain, inFlow: true);

        // Assert
        Assert.Equal(written, text);
    }

    [Fact]
    public void Single_quotes_double_inner_quotes_and_give_way_to_double_quotes_for_line_breaks()
    {
        // Act
        var single = ScalarWriter.Write("it's", ScalarStyle.SingleQuoted, inFlow: false);
        var multiline = ScalarWriter.Write("a\nb", ScalarStyle.SingleQuoted, inFlow: false);

        // Assert
        Assert.Equal("'it''s'", single);
        Assert.Equal("\"a\\nb\"", multiline);
    }

    [Fact]
    public void A_plain_value_of_the_old_values_kind_stays_plain()
    {
        // Act
        var number = ScalarWriter.Write("4", ScalarStyle.Plain, inFlow: false, PlainKind.Int);
        var boolean = ScalarWriter.Write("false", ScalarStyle.Plain, inFlow: false, PlainKind.Bool);
        var changedKind = ScalarWriter.Write(
            "4.5",
            ScalarStyle.Plain,
            inFlow: false,
            PlainKind.Int
        );

        // Assert
        Assert.Equal("4", number);
        Assert.Equal("false", boolean);
        Assert.Equal("\"4.5\"", changedKind);
    }
}
