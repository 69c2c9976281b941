using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class JsonFunctionTests
{
    [Fact]
    public void ToJson_sorts_keys_and_escapes_markup_as_go_does()
    {
        // Arrange
        const string values = "b: [1, 2.5, true, null, '<&>']\na: x";

        // Act
        var output = Render("{{ toJson .Values }}", values);

        // Assert
        Assert.Equal("{\"a\":\"x\",\"b\":[1,2.5,true,null,\"\\u003c\\u0026\\u003e\"]}", output);
    }

    [Fact]
    public void FromJson_gives_numbers_as_float64_and_bad_json_as_nil()
    {
        // Arrange
        const string template =
            "{{ $d := fromJson \"{\\\"n\\\": 1000000, \\\"l\\\": [1, \\\"a\\\"]}\" }}{{ $d.n }} {{ $d.l }} {{ typeOf $d.n }} {{ fromJson \"{bad\" }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("1e+06 [1 a] float64 <no value>", output);
    }

    [Fact]
    public void MustFromJson_fails_on_bad_json()
    {
        // Arrange
        const string template = "{{ mustFromJson \"{bad\" }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.Contains("error calling mustFromJson: invalid JSON: {bad", error.Message);
    }

    [Fact]
    public void ToPrettyJson_indents_two_spaces_and_keeps_empty_containers_on_one_line()
    {
        // Arrange
        const string template = "{{ toPrettyJson (dict \"a\" (list 1 (dict)) \"b\" (list)) }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}", output);
    }
}
