using Pipelines.GoTemplates;
using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class SyntaxTests
{
    [Fact]
    public void Text_without_actions_renders_unchanged()
    {
        // Arrange
        const string text = "releases:\n  - name: api\n";

        // Act
        var output = Render(text);

        // Assert
        Assert.Equal(text, output);
        Assert.False(GoTemplate.ContainsActions(text));
        Assert.True(GoTemplate.ContainsActions("a {{ .x }}"));
    }

    [Fact]
    public void Environment_name_is_rendered()
    {
        // Arrange
        const string template = "env: {{ .Environment.Name }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("env: stage", output);
    }

    [Fact]
    public void Trim_markers_remove_whitespace_on_their_side_only()
    {
        // Arrange
        const string template = "a  \n  {{- \"b\" -}}  \n  c {{ \"d\" }} e";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("abc d e", output);
    }

    [Fact]
    public void A_dash_without_a_space_is_a_negative_number_not_a_trim_marker()
    {
        // Arrange
        const string template = "x {{-3}} y";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("x -3 y", output);
    }

    [Fact]
    public void Trim_markers_work_around_control_actions_like_in_helmfile_files()
    {
        // Arrange
        const string template = "releases:\n{{- if true }}\n  - name: api\n{{- end }}\n";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("releases:\n  - name: api\n", output);
    }

    [Fact]
    public void Comments_render_nothing_and_honour_trim_markers()
    {
        // Arrange
        const string template = "a {{/* one\ntwo */}} b\n{{- /* trimmed */ -}}\n c";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("a  bc", output);
    }

    [Fact]
    public void The_backtick_escape_passes_template_text_through_to_helm()
    {
        // Arrange
        const string template = "value: {{`{{ .Values.x }}`}} and {{ \"{{\" }} .Release.Name }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("value: {{ .Values.x }} and {{ .Release.Name }}", output);
    }

    [Theory]
    [InlineData("{{ \"a\\tb\\n\\\"q\\\"\\\\\" }}", "a\tb\n\"q\"\\")]
    [InlineData("{{ \"\\x41\\101\\u00e9\\U0001F600\" }}", "AAé😀")]
    [InlineData("{{ `raw \\n ${x}` }}", "raw \\n ${x}")]
    [InlineData("{{ 42 }} {{ -7 }} {{ 0x1F }} {{ 010 }} {{ 1_000 }}", "42 -7 31 8 1000")]
    [InlineData("{{ 1.5 }} {{ 1e6 }} {{ 2.0 }} {{ 0.00001 }}", "1.5 1e+06 2 1e-05")]
    [InlineData("{{ 'a' }} {{ true }} {{ false }}", "97 true false")]
    public void Literals_are_read_like_go(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Actions_may_span_lines()
    {
        // Arrange
        const string template = "{{ printf \"%s-%s\"\n   .Release.Name\n   .Release.Namespace }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("api-backend", output);
    }
}
