using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class PipelineTests
{
    [Fact]
    public void The_previous_value_is_passed_as_the_last_argument()
    {
        // Arrange
        const string template =
            "{{ \"a-b-c\" | replace \"-\" \"_\" | upper }} {{ \"x\" | printf \"%s-%s\" \"y\" }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("A_B_C y-x", output);
    }

    [Fact]
    public void Parenthesised_pipelines_are_arguments_and_can_have_fields_chained()
    {
        // Arrange
        const string template =
            "{{ printf \"%s/%s\" (.Release.Name | upper) (lower \"NS\") }} {{ (dict \"a\" (dict \"b\" 7)).a.b }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("API/ns 7", output);
    }

    [Fact]
    public void Variables_hold_pipeline_results_and_their_fields_are_reachable()
    {
        // Arrange
        const string template =
            "{{ $r := .Release }}{{ $r.Name }}.{{ $r.Labels.tier }} {{ $x := \"v\" | upper }}{{ $x }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("api.web V", output);
    }

    [Fact]
    public void A_declaration_prints_nothing()
    {
        // Arrange
        const string template = "[{{ $x := 1 }}][{{ $x = 2 }}]{{ $x }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("[][]2", output);
    }

    [Fact]
    public void And_and_or_short_circuit_and_return_the_deciding_value()
    {
        // Arrange: the right-hand side would fail if it were evaluated
        const string template =
            "{{ and 0 (requiredEnv \"NOPE\") }} {{ or \"first\" (requiredEnv \"NOPE\") }} {{ and 1 \"last\" }} {{ or 0 \"\" }}|{{ .Values.x | or false }}";

        // Act
        var output = Render(template, "x: piped");

        // Assert
        Assert.Equal("0 first last |piped", output);
    }
}
