using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class StringFunctionTests
{
    [Theory]
    [InlineData("{{ upper \"abc\" }}", "ABC")]
    [InlineData("{{ lower \"ABC\" }}", "abc")]
    [InlineData("{{ trim \"  a b \\n\" }}", "a b")]
    [InlineData("{{ \"api-svc\" | trimSuffix \"-svc\" }}", "api")]
    [InlineData("{{ \"api-svc\" | trimSuffix \"-x\" }}", "api-svc")]
    [InlineData("{{ \"v1.2\" | trimPrefix \"v\" }}", "1.2")]
    [InlineData("{{ replace \".\" \"-\" \"a.b.c\" }}", "a-b-c")]
    [InlineData("{{ contains \"ell\" \"hello\" }} {{ contains \"z\" \"hello\" }}", "true false")]
    [InlineData(
        "{{ hasPrefix \"he\" \"hello\" }} {{ hasSuffix \"lo\" \"hello\" }} {{ hasSuffix \"x\" \"hello\" }}",
        "true true false"
    )]
    [InlineData("{{ indent 2 \"a\\nb\" }}", "  a\n  b")]
    [InlineData("x:{{ nindent 4 \"a\\nb\" }}", "x:\n    a\n    b")]
    [InlineData("{{ splitList \",\" \"a,b,,c\" }}", "[a b  c]")]
    [InlineData("{{ (split \".\" \"a.b\")._1 }} {{ split \".\" \"a.b\" }}", "b map[_0:a _1:b]")]
    public void String_functions_follow_sprig(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal(expected, output);
    }

    [Fact]
    public void A_string_function_rejects_a_number_like_go_does()
    {
        // Arrange
        const string template = "{{ upper .Values.port }}";

        // Act
        var error = RenderError(template, "port: 80");

        // Assert
        Assert.Contains("wrong type for value; expected string; got int", error.Message);
        Assert.StartsWith($"{TemplateFile}:1:4:", error.Message);
    }
}
