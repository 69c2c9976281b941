using Pipelines.GoTemplates;
using Pipelines.TestServers;
using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class NamedTemplateTests
{
    [Fact]
    public void Template_runs_a_definition_with_the_data_it_is_given_as_dot_and_dollar()
    {
        // Arrange
        const string template =
            "{{ define \"name\" }}{{ .Release.Name }}-{{ $.Release.Namespace }}{{ end }}[{{ template \"name\" . }}][{{ template \"name\" (dict \"Release\" (dict \"Name\" \"x\" \"Namespace\" \"y\")) }}]";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("[api-backend][x-y]", output);
    }

    [Fact]
    public void Include_returns_the_output_so_it_can_be_piped()
    {
        // Arrange
        const string template = """
            {{- define "labels" -}}
            app: {{ .Release.Name }}
            tier: {{ .Release.Labels.tier }}
            {{- end -}}
            metadata:
              labels:
                {{- include "labels" . | nindent 4 }}
            """;

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("metadata:\n  labels:\n    app: api\n    tier: web", output);
    }

    [Fact]
    public void Template_without_data_runs_with_nil_dot()
    {
        // Arrange
        const string template = "{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("[<no value>]", output);
    }

    [Fact]
    public void Block_defines_and_runs_in_place_and_a_later_define_replaces_it()
    {
        // Arrange
        const string overridden =
            "{{ block \"b\" . }}default{{ end }}{{ define \"b\" }}override{{ end }}";

        // Act
        var inPlace = Render("<{{ block \"b\" .Release }}{{ .Name }}{{ end }}>");
        var error = ParseError(overridden);

        // Assert
        Assert.Equal("<api>", inPlace);
        Assert.Contains("multiple definition of template \"b\"", error.Message);
    }

    [Fact]
    public void Variables_of_the_caller_are_not_visible_inside_a_definition()
    {
        // Arrange
        const string template = "{{ $x := 1 }}{{ define \"t\" }}{{ $x }}{{ end }}";

        // Act
        var error = ParseError(template);

        // Assert
        Assert.Contains("undefined variable \"$x\"", error.Message);
    }

    [Fact]
    public void Text_outside_definitions_is_the_main_template()
    {
        // Arrange
        const string template = "a\n{{ define \"t\" }}x{{ end }}\nb";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("a\n\nb", output);
    }

    [Fact]
    public void Include_recursion_stops_with_an_error_instead_of_overflowing()
    {
        // Arrange
        const string template =
            "{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}{{ include \"loop\" . }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.Contains("nested reference name: loop", error.Message);
    }

    [Fact]
    public void Tpl_renders_a_string_as_a_template_with_the_data_given()
    {
        // Arrange
        const string values = "greeting: 'hello {{ .Release.Name }}'";

        // Act
        var output = Render("{{ tpl .Values.greeting . }}", values);

        // Assert
        Assert.Equal("hello api", output);
    }

    [Fact]
    public void A_syntax_error_in_tpl_text_names_the_tpl_call_and_the_spot_in_the_text()
    {
        // Arrange
        const string template = "x\n{{ tpl \"{{ if }}\" . }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.StartsWith($"{TemplateFile}:2:4: at <tpl ", error.Message);
        Assert.Contains("error calling tpl: tpl:1:", error.Message);
    }

    [Fact]
    public void Helper_templates_beside_the_state_file_can_be_included_and_used_by_tpl()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        File.WriteAllText(
            Path.Combine(folder.Path, "_helpers.tpl"),
            "{{- define \"echo\" -}}{{ .Echo }}{{- end }}"
        );
        File.WriteAllText(
            Path.Combine(folder.Path, "_more.tpl"),
            "{{ define \"twice\" }}{{ include \"echo\" . }}{{ include \"echo\" . }}{{ end }}"
        );
        File.WriteAllText(
            Path.Combine(folder.Path, "helpers.tpl"),
            "{{ define \"ignored\" }}{{ end }}"
        );
        var context = Context() with { BaseDirectory = folder.Path };
        const string template =
            "{{ include \"echo\" (dict \"Echo\" \"a\") }} {{ include \"twice\" (dict \"Echo\" \"b\") }} {{ tpl \"{{ include \\\"echo\\\" . }}\" (dict \"Echo\" \"c\") }}";

        // Act
        var output = GoTemplate.Parse(template, TemplateFile).Render(Root(), context);

        // Assert
        Assert.Equal("a bb c", output);
    }
}
