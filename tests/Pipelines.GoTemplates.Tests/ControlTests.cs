using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class ControlTests
{
    private const string Values = """
        replicas: 3
        enabled: false
        tags: [b, a, c]
        empty: []
        ports:
          http: 80
          admin: 9000
          grpc: 50051
        """;

    [Theory]
    [InlineData("prod", "big")]
    [InlineData("stage", "medium")]
    [InlineData("dev", "small")]
    public void If_else_if_else_picks_the_first_true_branch(string environment, string expected)
    {
        // Arrange
        var template =
            $"{{{{ $env := \"{environment}\" }}}}{{{{ if eq $env \"prod\" }}}}big{{{{ else if eq $env \"stage\" }}}}medium{{{{ else }}}}small{{{{ end }}}}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("{{ if .Values.enabled }}yes{{ else }}no{{ end }}", "no")]
    [InlineData("{{ if .Values.empty }}yes{{ else }}no{{ end }}", "no")]
    [InlineData("{{ if .Values.replicas }}yes{{ else }}no{{ end }}", "yes")]
    [InlineData("{{ if \"\" }}yes{{ else }}no{{ end }}", "no")]
    [InlineData("{{ if 0.0 }}yes{{ else }}no{{ end }}", "no")]
    [InlineData("{{ if .Values.ports }}yes{{ else }}no{{ end }}", "yes")]
    public void Truthiness_follows_go(string template, string expected)
    {
        // Arrange: the template above

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal(expected, output);
    }

    [Fact]
    public void With_sets_dot_and_falls_back_to_else_when_empty()
    {
        // Arrange
        const string template =
            "{{ with .Values.ports }}{{ .http }}{{ end }} {{ with .Values.empty }}x{{ else }}none{{ end }} {{ with .Values.empty }}x{{ else with .Values.replicas }}{{ . }}{{ end }}";

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal("80 none 3", output);
    }

    [Fact]
    public void Range_over_a_list_keeps_order_and_binds_index_and_element()
    {
        // Arrange
        const string template =
            "{{ range $i, $t := .Values.tags }}{{ $i }}={{ $t }} {{ end }}|{{ range .Values.tags }}{{ . }}{{ end }}";

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal("0=b 1=a 2=c |bac", output);
    }

    [Fact]
    public void Range_over_a_map_iterates_keys_in_sorted_order()
    {
        // Arrange
        const string template =
            "{{ range $name, $port := .Values.ports }}{{ $name }}:{{ $port }} {{ end }}";

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal("admin:9000 grpc:50051 http:80 ", output);
    }

    [Fact]
    public void Range_runs_else_only_when_there_is_nothing_to_iterate()
    {
        // Arrange
        const string template =
            "{{ range .Values.empty }}x{{ else }}empty{{ end }} {{ range .Values.tags }}{{ else }}never{{ end }}";

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal("empty ", output);
    }

    [Fact]
    public void Range_over_an_integer_counts_from_zero()
    {
        // Arrange
        const string template = "{{ range $i := 3 }}{{ $i }}{{ end }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("012", output);
    }

    [Fact]
    public void Break_and_continue_control_the_enclosing_range()
    {
        // Arrange
        const string template =
            "{{ range $i := 10 }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ if eq $i 4 }}{{ break }}{{ end }}{{ $i }}{{ end }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("023", output);
    }

    [Fact]
    public void Variables_are_scoped_to_their_control_structure_and_assignment_reaches_outward()
    {
        // Arrange
        const string template =
            "{{ $found := false }}{{ range .Values.tags }}{{ if eq . \"a\" }}{{ $found = true }}{{ $inner := 1 }}{{ end }}{{ end }}{{ $found }}";

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal("true", output);
    }

    [Fact]
    public void Dollar_is_the_root_inside_range_and_with()
    {
        // Arrange
        const string template = "{{ range .Values.tags }}{{ $.Release.Name }}-{{ . }} {{ end }}";

        // Act
        var output = Render(template, Values);

        // Assert
        Assert.Equal("api-b api-a api-c ", output);
    }
}
