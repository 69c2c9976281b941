using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class ConversionFunctionTests
{
    private const string Values = """
        service:
          type: ClusterIP
          ports:
            - name: http
              port: 80
          annotations:
            b: "2"
            a: "1.0"
        """;

    [Theory]
    [InlineData(
        "{{ int \"42\" }} {{ int 3.9 }} {{ int true }} {{ int \"0x10\" }} {{ int \"12.00\" }} {{ int \"abc\" }} {{ int nil }}",
        "42 3 1 16 12 0 0"
    )]
    [InlineData(
        "{{ b64enc \"user:pass\" }} {{ b64dec \"dXNlcjpwYXNz\" }}",
        "dXNlcjpwYXNz user:pass"
    )]
    [InlineData("{{ b64dec \"%%%\" }}", "illegal base64 data at input byte 0")]
    public void Conversion_functions_follow_sprig(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Fact]
    public void ToYaml_piped_into_nindent_renders_nested_maps_with_sorted_keys()
    {
        // Arrange
        const string template = "service:{{ .Values.service | toYaml | nindent 2 }}";

        // Act
        var output = Render(template, Values);

        // Assert: helmfile's toYaml keeps the document's trailing newline, so nindent leaves an indented empty line
        Assert.Equal(
            "service:\n  annotations:\n    a: \"1.0\"\n    b: \"2\"\n  ports:\n  - name: http\n    port: 80\n  type: ClusterIP\n  ",
            output
        );
    }

    [Fact]
    public void ToYaml_with_a_trim_marker_after_it_produces_clean_yaml()
    {
        // Arrange
        const string template =
            "values:\n  - {{ .Values.service.annotations | toYaml | indent 4 | trim }}\nnext: 1\n";

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal("values:\n  - a: \"1.0\"\n    b: \"2\"\nnext: 1\n", output);
    }

    [Fact]
    public void ToYaml_of_a_comparison_renders_a_yaml_boolean_as_in_the_helmfile_docs()
    {
        // Arrange
        const string template = "installed: {{ eq .Environment.Name \"production\" | toYaml }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("installed: false\n", output);
    }

    [Fact]
    public void FromYaml_parses_a_mapping_back_into_data()
    {
        // Arrange
        const string template =
            "{{ $m := fromYaml \"a:\\n  b: [1, 2]\" }}{{ index $m.a.b 1 }} {{ (fromYaml \"\") }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("2 map[]", output);
    }
}
