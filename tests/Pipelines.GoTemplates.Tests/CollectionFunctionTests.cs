using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class CollectionFunctionTests
{
    private const string Values = """
        tags: [a, b, c]
        image:
          repository: nginx
          tag: null
        mixed: [a, null, 1]
        """;

    [Theory]
    [InlineData("{{ len .Values.tags }} {{ len .Values.image }} {{ len \"héllo\" }}", "3 2 6")]
    [InlineData(
        "{{ index .Values.tags 1 }} {{ index .Values \"image\" \"repository\" }} {{ index .Values.image \"missing\" }}",
        "b nginx <no value>"
    )]
    [InlineData("{{ list 1 \"a\" true }} {{ len (list) }}", "[1 a true] 0")]
    [InlineData(
        "{{ dict \"b\" 2 \"a\" 1 }} {{ (dict \"k\" \"v\").k }} {{ dict \"odd\" }}",
        "map[a:1 b:2] v map[odd:]"
    )]
    [InlineData(
        "{{ hasKey .Values.image \"tag\" }} {{ hasKey .Values.image \"digest\" }} {{ hasKey nil \"x\" }}",
        "true false false"
    )]
    [InlineData(
        "{{ join \",\" .Values.tags }} {{ join \"-\" .Values.mixed }} {{ join \",\" \"solo\" }}",
        "a,b,c a-1 solo"
    )]
    public void Collection_functions_follow_go_and_sprig(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("{{ .Values | get \"image.repository\" \"x\" }}", "nginx")]
    [InlineData("{{ .Values | get \"image.digest\" \"sha\" }}", "sha")]
    [InlineData("{{ .Values | get \"absent.deeper\" \"d\" }}", "d")]
    [InlineData("{{ get \"image.repository\" .Values }}", "nginx")]
    [InlineData("{{ .Values | get \"image.tag\" \"latest\" }}", "<no value>")]
    [InlineData("{{ get \"\" \"d\" \"whole\" }}", "whole")]
    [InlineData(
        "{{ .Values | getOrNil \"image.digest\" }} {{ .Values | getOrNil \"image.repository\" }}",
        "<no value> nginx"
    )]
    public void Get_walks_a_dotted_path_with_an_optional_default_as_helmfile_does(
        string template,
        string expected
    )
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Get_without_a_default_fails_on_a_missing_key()
    {
        // Arrange
        const string template = "{{ get \"image.digest\" .Values }}";

        // Act
        var error = RenderError(template, Values);

        // Assert
        Assert.Contains(
            "error calling get: no value exist for key \"digest\" in path \"image.digest\" (keys there: repository, tag)",
            error.Message
        );
    }

    [Fact]
    public void Index_out_of_range_is_an_error()
    {
        // Arrange
        const string template = "{{ index .Values.tags 5 }}";

        // Act
        var error = RenderError(template, Values);

        // Assert
        Assert.Contains("error calling index: index out of range: 5", error.Message);
    }
}
