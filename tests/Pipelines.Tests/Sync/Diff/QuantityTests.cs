using Pipelines.Sync.Diff;

namespace Pipelines.Tests.Sync.Diff;

public class QuantityTests
{
    [Theory]
    [InlineData("1000m", "1")]
    [InlineData("1Gi", "1024Mi")]
    [InlineData("0.5", "500m")]
    [InlineData(".5", "500m")]
    [InlineData("1e3", "1k")]
    [InlineData("1E3", "1000")]
    [InlineData("1E", "1000P")]
    [InlineData("1Ki", "1024")]
    [InlineData("+1.5Gi", "1536Mi")]
    [InlineData("100u", "100000n")]
    [InlineData("2e-3", "2m")]
    public void Spellings_of_one_quantity_are_equal(string left, string right)
    {
        // Act
        var equal = Quantity.Equal(left, right);

        // Assert
        Assert.True(equal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("1 m")]
    [InlineData("1mi")]
    [InlineData("1KB")]
    [InlineData("1e")]
    [InlineData("1,5")]
    [InlineData("25%")]
    [InlineData("99999999999999999999Ei")]
    [InlineData("1e99")]
    public void Text_outside_the_quantity_grammar_is_not_a_quantity(string text)
    {
        // Act
        var parsed = Quantity.TryParse(text, out _);

        // Assert
        Assert.False(parsed);
    }
}
