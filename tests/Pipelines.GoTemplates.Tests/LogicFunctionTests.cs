using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class LogicFunctionTests
{
    private const string Values = """
        name: api
        replicas: 3
        ratio: 0.5
        blank: ""
        nothing: null
        items: []
        """;

    [Theory]
    [InlineData(
        "{{ eq .Values.name \"api\" }} {{ eq .Values.replicas 3 }} {{ eq 1 2 3 1 }} {{ eq .Values.nothing nil }}",
        "true true true true"
    )]
    [InlineData("{{ ne .Values.name \"web\" }} {{ ne 1 1 }}", "true false")]
    [InlineData(
        "{{ lt 1 2 }} {{ le 2 2 }} {{ gt 1 2 }} {{ ge 2 2 }} {{ lt \"a\" \"b\" }} {{ gt .Values.ratio 0.25 }}",
        "true true false true true true"
    )]
    [InlineData("{{ eq .Values.nothing \"x\" }}", "false")]
    [InlineData(
        "{{ not true }} {{ not .Values.blank }} {{ not .Values.items }}",
        "false true true"
    )]
    public void Comparisons_and_not_follow_go(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Comparing_an_int_with_a_float_is_an_error_as_in_go()
    {
        // Arrange
        const string template = "{{ eq .Values.replicas 3.0 }}";

        // Act
        var error = RenderError(template, Values);

        // Assert
        Assert.Contains(
            "error calling eq: incompatible types for comparison: int and float64",
            error.Message
        );
    }

    [Theory]
    [InlineData("{{ .Values.blank | default \"fallback\" }}", "fallback")]
    [InlineData("{{ .Values.name | default \"fallback\" }}", "api")]
    [InlineData("{{ default \"fallback\" .Values.nothing }}", "fallback")]
    [InlineData("{{ default 1 0 }} {{ default \"d\" }}", "1 d")]
    [InlineData(
        "{{ empty .Values.items }} {{ empty .Values.name }} {{ empty 0 }}",
        "true false true"
    )]
    [InlineData(
        "{{ coalesce .Values.nothing .Values.blank \"third\" }} {{ coalesce 0 \"\" }}",
        "third <no value>"
    )]
    [InlineData("{{ ternary \"on\" \"off\" true }} {{ false | ternary \"on\" \"off\" }}", "on off")]
    [InlineData(
        "{{ required \"name is required\" .Values.name }} {{ required \"x\" .Values.items }}",
        "api []"
    )]
    public void Default_family_functions_follow_sprig_and_helmfile(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("{{ required \"image.tag is required\" .Values.blank }}")]
    [InlineData("{{ .Values.nothing | required \"image.tag is required\" }}")]
    public void Required_fails_with_its_message_for_nil_or_an_empty_string(string template)
    {
        // Arrange: the template above

        // Act
        var error = RenderError(template, Values);

        // Assert
        Assert.Contains("error calling required: image.tag is required", error.Message);
        Assert.Equal(TemplateFile, error.File);
        Assert.Equal(1, error.Line);
    }
}
