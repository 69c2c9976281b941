using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.TestServers;
using Pipelines.Yaml.Data;
using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class HelmfileFunctionTests
{
    private static string RenderIn(string folder, string template) =>
        GoTemplate
            .Parse(template, TemplateFile)
            .Render(Root(), Context() with { BaseDirectory = folder });

    [Fact]
    public void File_functions_resolve_relative_paths_against_the_state_files_directory()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "conf", "sub"));
        File.WriteAllText(Path.Combine(folder.Path, "conf", "b.txt"), "bee\n");
        File.WriteAllText(Path.Combine(folder.Path, "conf", "a.txt"), "ay");
        const string template =
            "{{ readFile \"conf/b.txt\" }}|{{ readDir \"./conf/\" }}|{{ range readDirEntries \"conf\" }}{{ .Name }}:{{ .IsDir }} {{ end }}|{{ isFile \"conf/a.txt\" }} {{ isFile \"conf\" }} {{ isDir \"conf/sub\" }} {{ isFile \"nope\" }}";

        // Act
        var output = RenderIn(folder.Path, template);

        // Assert
        Assert.Equal(
            "bee\n|[conf/a.txt conf/b.txt]|a.txt:false b.txt:false sub:true |true false true false",
            output
        );
    }

    [Fact]
    public void ReadFile_of_a_missing_file_names_the_path()
    {
        // Arrange
        using var folder = new TemporaryFolder();

        // Act
        var error = Assert.Throws<Pipelines.Failures.SourceLocatedException>(() =>
            RenderIn(folder.Path, "{{ readFile \"missing.txt\" }}")
        );

        // Assert
        Assert.Contains(
            $"error calling readFile: open {Path.Combine(folder.Path, "missing.txt")}: no such file or directory",
            error.Message
        );
    }

    [Fact]
    public void Exec_runs_in_the_state_directory_with_stdin_and_returns_stdout_exactly()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        const string template =
            "[{{ exec \"pwd\" (list) | trim }}] [{{ exec \"cat\" (list) \"piped\" }}] [{{ exec \"printf\" (list \"%s\" \"no newline\") }}]";

        // Act
        var output = GoTemplate
            .Parse(template, TemplateFile)
            .Execute(Root(), Context() with { BaseDirectory = folder.Path });

        // Assert
        Assert.Equal($"[{folder.Path}] [piped] [no newline]", output.Text);
        Assert.False(output.Deterministic);
    }

    [Fact]
    public void Exec_failure_stops_the_render_with_the_command_and_its_error()
    {
        // Arrange
        const string template = "{{ exec \"sh\" (list \"-c\" \"echo broken >&2; exit 3\") }}";

        // Act
        var error = RenderError(template);

        // Assert
        Assert.Contains("error calling exec:", error.Message);
        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("broken", error.Message);
    }

    [Fact]
    public void SetValueAtPath_sets_an_existing_path_and_fails_on_a_missing_one()
    {
        // Arrange
        const string template =
            "{{ $v := dict \"a\" (dict \"b\" 1) }}{{ $_ := setValueAtPath \"a.b\" 2 $v }}{{ $v }}";

        // Act
        var output = Render(template);
        var error = RenderError("{{ setValueAtPath \"x.y\" 1 (dict) }}");

        // Assert
        Assert.Equal("map[a:map[b:2]]", output);
        Assert.Contains(
            "failed to set value at path \"x.y\": value for key \"x\" does not exist",
            error.Message
        );
    }

    [Fact]
    public void Changing_values_in_a_template_does_not_change_the_callers_data()
    {
        // Arrange
        var data = Root("replicas: 1");
        var template = GoTemplate.Parse(
            "{{ $_ := set .Values \"replicas\" 5 }}{{ .Values.replicas }}",
            TemplateFile
        );

        // Act
        var output = template.Render(data, Context());

        // Assert
        Assert.Equal("5", output);
        Assert.Equal(1L, ((Dictionary<string, object?>)data["Values"]!)["replicas"]);
    }

    [Fact]
    public void Random_functions_mark_the_render_as_not_cacheable_and_others_do_not()
    {
        // Arrange
        var random = GoTemplate.Parse(
            "{{ randAlphaNum 8 | len }} {{ uuidv4 | len }}",
            TemplateFile
        );
        var fixedText = GoTemplate.Parse("{{ sha256sum \"x\" | len }}", TemplateFile);

        // Act
        var randomOutput = random.Execute(Root(), Context());
        var fixedOutput = fixedText.Execute(Root(), Context());

        // Assert
        Assert.Equal("8 36", randomOutput.Text);
        Assert.False(randomOutput.Deterministic);
        Assert.True(fixedOutput.Deterministic);
    }

    [Fact]
    public void Expandenv_replaces_variables_from_the_render_environment()
    {
        // Arrange
        const string template = "{{ expandenv \"a=$A b=${B} c=$C.\" }}";

        // Act
        var output = Render(template, "{}", ("A", "1"), ("B", "2"));

        // Assert
        Assert.Equal("a=1 b=2 c=.", output);
    }

    [Fact]
    public void Printing_nil_differs_between_an_action_and_printf_as_in_go()
    {
        // Arrange
        const string template =
            "{{ .Values.none }}|{{ printf \"%v\" .Values.none }}|{{ print .Values.none }}|{{ list .Values.none }}";

        // Act
        var output = Render(template, "none: null");

        // Assert
        Assert.Equal("<no value>|<nil>|<nil>|[<nil>]", output);
    }

    [Fact]
    public void YamlData_round_trips_through_toYaml_with_helmfiles_trailing_newline()
    {
        // Arrange
        const string values = "b: [1, x]\na: {c: true}";

        // Act
        var output = Render("{{ toYaml .Values }}", values);

        // Assert
        Assert.Equal(YamlData.ToYaml(YamlData.ParseMapping(values, "v")), output);
        Assert.EndsWith("\n", output);
    }
}
