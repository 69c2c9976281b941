using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class FormatFunctionTests
{
    private const string Values = """
        name: api
        port: 8080
        ratio: 0.25
        big: 1234567.0
        on: true
        nothing: null
        tags: [a, b]
        ports: {http: 80, admin: 9000}
        """;

    [Theory]
    [InlineData(
        "{{ .Values.name }} {{ .Values.port }} {{ .Values.ratio }} {{ .Values.big }} {{ .Values.on }}",
        "api 8080 0.25 1.234567e+06 true"
    )]
    [InlineData("{{ .Values.nothing }}", "<no value>")]
    [InlineData("{{ .Values.tags }} {{ .Values.ports }}", "[a b] map[admin:9000 http:80]")]
    [InlineData("{{ list nil (dict) (list) }}", "[<nil> map[] []]")]
    public void Values_print_like_go_fmt(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("{{ printf \"%s:%d\" .Values.name .Values.port }}", "api:8080")]
    [InlineData(
        "{{ printf \"%v %v %v\" .Values.tags .Values.ratio .Values.nothing }}",
        "[a b] 0.25 <nil>"
    )]
    [InlineData("{{ printf \"%q %q\" .Values.name 65 }}", "\"api\" 'A'")]
    [InlineData("{{ printf \"%5d|%-5s|%05d|%+d\" 42 \"ab\" 42 7 }}", "   42|ab   |00042|+7")]
    [InlineData(
        "{{ printf \"%.2f %e %g %t %x %X %%\" 3.14159 1500.0 0.000012 true 255 \"hi\" }}",
        "3.14 1.500000e+03 1.2e-05 true ff 6869 %"
    )]
    [InlineData("{{ printf \"%d %s\" \"x\" }}", "%!d(string=x) %!s(MISSING)")]
    [InlineData("{{ printf \"%s\" \"a\" 1 }}", "a%!(EXTRA int=1)")]
    [InlineData(
        "{{ printf \"%T %T %T\" .Values.tags .Values.port .Values.ports }}",
        "[]interface {} int map[string]interface {}"
    )]
    public void Printf_formats_like_go(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Fact]
    public void An_unimplemented_printf_verb_is_an_error_listing_the_supported_ones()
    {
        // Arrange
        const string template = "{{ printf \"%o\" 8 }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.Contains(
            "printf verb '%o' is not supported here; supported: %v %s %d",
            error.Message
        );
    }

    [Theory]
    [InlineData("{{ print \"a\" 1 2 \"b\" }}", "a1 2b")]
    [InlineData("{{ println \"a\" 1 }}", "a 1\n")]
    [InlineData(
        "{{ quote .Values.name }} {{ .Values.port | quote }} {{ quote \"say \\\"hi\\\"\\n\" }}",
        "\"api\" \"8080\" \"say \\\"hi\\\"\\n\""
    )]
    [InlineData("[{{ quote .Values.nothing }}] {{ quote \"a\" \"b\" }}", "[] \"a\" \"b\"")]
    [InlineData("{{ squote .Values.name }} {{ squote 1.5 }}", "'api' '1.5'")]
    [InlineData(
        "{{ toString .Values.port }} {{ toString .Values.nothing }} {{ toString .Values.tags }}",
        "8080 <nil> [a b]"
    )]
    public void Print_quote_and_toString_follow_go_and_sprig(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }
}
