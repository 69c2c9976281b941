using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class EnvironmentFunctionTests
{
    [Fact]
    public void Env_reads_the_render_environment_and_is_empty_when_unset()
    {
        // Arrange
        const string template =
            "[{{ env \"REGION\" }}][{{ env \"UNSET\" }}][{{ env \"UNSET\" | default \"eu\" }}]";

        // Act
        var output = Render(template, "{}", ("REGION", "us-east-1"));

        // Assert
        Assert.Equal("[us-east-1][][eu]", output);
    }

    [Fact]
    public void RequiredEnv_returns_a_set_variable()
    {
        // Arrange
        const string template = "token: {{ requiredEnv \"TOKEN\" }}";

        // Act
        var output = Render(template, "{}", ("TOKEN", "s3cret"));

        // Assert
        Assert.Equal("token: s3cret", output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RequiredEnv_fails_naming_the_variable_when_it_is_unset_or_empty(bool setButEmpty)
    {
        // Arrange
        const string template = "a: 1\ntoken: {{ requiredEnv \"DEPLOY_TOKEN\" }}";
        var environment = setButEmpty ? new[] { ("DEPLOY_TOKEN", "") } : [];

        // Act
        var error = RenderError(template, "{}", environment);

        // Assert
        Assert.Equal(
            $"{TemplateFile}:2:11: at <requiredEnv \"DEPLOY_TOKEN\">: error calling requiredEnv: required env var `DEPLOY_TOKEN` is not set",
            error.Message
        );
        Assert.Equal((2, 11), (error.Line, error.Column));
    }
}
