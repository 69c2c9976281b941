using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile;

namespace Pipelines.Tests.Helmfile;

/// <summary>helmfile's <c>exec</c> runs through the build's tool runner in the product's template context.</summary>
public class HelmfileTemplatesTests
{
    private static string Render(string template) =>
        GoTemplate
            .Parse(template, "helmfile.yaml.gotmpl")
            .Render(new Dictionary<string, object?>(), HelmfileTemplates.Context(_ => null));

    [Fact]
    public void Exec_runs_the_command_with_its_arguments_and_standard_input()
    {
        // Arrange
        const string template =
            "[{{ exec \"cat\" (list) \"piped\" }}] [{{ exec \"printf\" (list \"%s\" \"no newline\") }}]";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("[piped] [no newline]", output);
    }

    [Fact]
    public void Exec_failure_names_the_command_its_exit_code_and_its_error()
    {
        // Arrange
        const string template = "{{ exec \"sh\" (list \"-c\" \"echo broken >&2; exit 3\") }}";

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Render(template));

        // Assert
        Assert.Contains("error calling exec:", error.Message);
        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("broken", error.Message);
    }
}
