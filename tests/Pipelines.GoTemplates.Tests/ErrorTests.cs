using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class ErrorTests
{
    [Fact]
    public void A_missing_value_key_is_an_error_naming_the_key_and_position()
    {
        // Arrange
        const string template = "name: api\nreplicas: {{ .Values.replicas }}";

        // Act
        var error = RenderError(template, "image: nginx\nname: api");

        // Assert
        Assert.Equal(
            $"{TemplateFile}:2:14: at <.Values.replicas>: map has no entry for key \"replicas\" in .Values (keys there: image, name); for an optional key write: .Values | get \"replicas\" \"<default>\"",
            error.Message
        );
        Assert.Equal((TemplateFile, 2, 14), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Default_does_not_rescue_a_missing_key_because_helmfile_uses_missingkey_error()
    {
        // Arrange
        const string template = "{{ .Values.missing | default \"x\" }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.Contains("map has no entry for key \"missing\"", error.Message);
    }

    [Fact]
    public void Reading_a_field_of_null_is_an_error()
    {
        // Arrange
        const string template = "{{ .Values.image.tag }}";

        // Act
        var error = RenderError(template, "image: null");

        // Assert
        Assert.Contains(
            "at <.Values.image.tag>: nil pointer evaluating interface {}.tag: .Values.image is null",
            error.Message
        );
    }

    [Fact]
    public void Reading_a_field_of_a_string_is_an_error()
    {
        // Arrange
        const string template = "{{ $x := \"s\" }}{{ $x.field }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.Contains(
            "can't evaluate field field in type string: $x is not a map",
            error.Message
        );
    }

    [Fact]
    public void An_unknown_function_is_an_error_with_position_and_the_supported_list()
    {
        // Arrange
        const string template = "a: 1\nb: {{ .Values | toToml }}";

        // Act
        var error = ParseError(template);

        // Assert
        Assert.StartsWith(
            $"{TemplateFile}:2:17: unsupported function 'toToml'; supported: abbrev, abbrevboth, add,",
            error.Message
        );
        Assert.Contains("requiredEnv", error.Message);
        Assert.Equal((2, 17), (error.Line, error.Column));
    }

    [Fact]
    public void An_unterminated_action_is_an_error_at_its_opening()
    {
        // Arrange
        const string template = "a: 1\nb: {{ .Values.x \nc: 3";

        // Act
        var error = ParseError(template);

        // Assert
        Assert.Equal(
            $"{TemplateFile}:2:4: unclosed action: '{{{{' is never closed by '}}}}'",
            error.Message
        );
    }

    [Theory]
    [InlineData(
        "{{ if true }}{{ define \"x\" }}a{{ end }}{{ end }}",
        "1:17: {{define}} is only allowed at the top level"
    )]
    [InlineData("{{ template .x }}", "1:13: unexpected '.x' in template clause")]
    [InlineData(
        "{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}",
        "1:30: template: multiple definition of template \"x\""
    )]
    [InlineData("{{ define \"x\" }}a{{ else }}b{{ end }}", "1:21: unexpected {{else}} in define")]
    [InlineData("{{ define \"x\" }}{{ $y }}{{ end }}", "1:20: undefined variable \"$y\"")]
    public void Named_template_mistakes_are_errors_with_their_position(
        string template,
        string expected
    )
    {
        // Arrange: the template above

        // Act
        var error = ParseError(template);

        // Assert
        Assert.StartsWith($"{TemplateFile}:{expected}", error.Message);
    }

    [Fact]
    public void A_known_function_that_is_not_available_says_why_and_what_to_do_instead()
    {
        // Arrange
        const string template = "{{ getHostByName \"example.com\" }}";

        // Act
        var error = ParseError(template);

        // Assert
        Assert.StartsWith(
            $"{TemplateFile}:1:4: function 'getHostByName' is not supported here: DNS lookups would make renders depend on the network",
            error.Message
        );
    }

    [Fact]
    public void Calling_a_template_that_is_not_defined_names_the_ones_that_are()
    {
        // Arrange
        const string template = "{{ define \"a\" }}{{ end }}\n{{ include \"b\" . }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.StartsWith(
            $"{TemplateFile}:2:4: at <include \"b\" .>: template \"b\" not defined (defined: \"a\")",
            error.Message
        );
    }

    [Theory]
    [InlineData("{{ if true }}never closed", "1:4: {{if}} is never closed: add {{end}}")]
    [InlineData(
        "text {{ end }}",
        "1:9: unexpected {{end}}: there is no open if, with, range, define or block to close"
    )]
    [InlineData("{{ else }}", "1:4: unexpected {{else}}")]
    [InlineData("{{ break }}", "1:4: {{break}} outside {{range}}")]
    [InlineData(
        "{{ range .x }}{{ else if true }}{{ end }}",
        "1:18: {{else if}} is only allowed inside {{if}}"
    )]
    [InlineData("{{ $y }}", "1:4: undefined variable \"$y\"")]
    [InlineData("{{ $y = 1 }}", "1:4: undefined variable \"$y\"")]
    [InlineData("{{ }}", "1:4: missing value for command")]
    [InlineData("{{ \"abc }}", "1:4: unterminated quoted string")]
    [InlineData("{{ `abc }}", "1:4: unterminated raw quoted string")]
    [InlineData("{{ /* x */ }}", "1:4: unrecognized character in action: U+002F '/'")]
    [InlineData("{{/* x */ }}", "1:8: comment ends before closing delimiter")]
    [InlineData("{{ (upper \"a\" }}", "1:15: unclosed left paren")]
    [InlineData("{{ .x | 1 }}", "1:9: non executable command in pipeline stage 2")]
    [InlineData("{{ .x | }}", "1:9: missing command after '|'")]
    [InlineData("{{ \"\\q\" }}", "1:4: unknown escape sequence \\q")]
    [InlineData("{{ 12ab }}", "1:4: bad number syntax: '12a'")]
    public void Syntax_errors_name_the_position_and_the_problem(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var error = ParseError(template);

        // Assert
        Assert.StartsWith($"{TemplateFile}:{expected}", error.Message);
    }

    [Theory]
    [InlineData("{{ upper }}", "at <upper>: wrong number of args for upper: want 1 got 0")]
    [InlineData(
        "{{ .Values.x 1 }}",
        "at <.Values.x 1>: .Values.x is a field, not a function, so it can't take arguments"
    )]
    [InlineData("{{ nil }}", "at <nil>: nil is not a command")]
    [InlineData("{{ range \"abc\" }}{{ end }}", "range can't iterate over abc")]
    [InlineData("{{ ternary 1 2 \"yes\" }}", "wrong type for value; expected bool; got string")]
    [InlineData("{{ indent \"2\" \"a\" }}", "wrong type for value; expected int; got string")]
    [InlineData(
        "{{ upper .Values.x }}",
        "invalid value; expected string (argument 1 of upper is nil)"
    )]
    public void Runtime_type_errors_name_the_call(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var error = RenderError(template, "x: null");

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.StartsWith($"{TemplateFile}:1:", error.Message);
    }
}
