using Pipelines.Tools;

namespace Pipelines.Tests.Tools;

/// <summary>Which of the build's variables a child process sees, with real processes.</summary>
public sealed class ChildEnvironmentTests : IDisposable
{
    // A name of this test's own, so no other test (or tool) running in this process depends on it.
    private const string Token = "PIPELINES_CHILD_ENV_TEST_TOKEN";
    private const string Plain = "PIPELINES_CHILD_ENV_TEST_SETTING";

    public ChildEnvironmentTests()
    {
        Environment.SetEnvironmentVariable(Token, "tok-8Yv2pQ");
        Environment.SetEnvironmentVariable(Plain, "plain-value");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Token, null);
        Environment.SetEnvironmentVariable(Plain, null);
    }

    private static async Task<string> PrintAsync(ToolCommand command) =>
        (await ToolRunner.Default.RunAsync(command, ToolOutput.Capture)).StandardOutput.Trim();

    private static ToolCommand Echo() =>
        ToolCommand
            .For("bash")
            .WithArguments("-c", $"echo \"${{{Token}-unset}} ${{{Plain}-unset}}\"");

    [Fact]
    public async Task A_tool_does_not_inherit_the_builds_tokens_but_does_inherit_its_other_settings()
    {
        // Act
        var printed = await PrintAsync(Echo());

        // Assert
        Assert.Equal("unset plain-value", printed);
    }

    [Fact]
    public async Task A_tool_that_names_a_token_inherits_it()
    {
        // Act
        var printed = await PrintAsync(Echo().WithInheritedSecrets(Token));

        // Assert
        Assert.Equal("tok-8Yv2pQ plain-value", printed);
    }

    [Fact]
    public async Task A_token_the_command_sets_itself_reaches_the_tool()
    {
        // Act
        var printed = await PrintAsync(Echo().WithEnvironment(Token, "given"));

        // Assert
        Assert.Equal("given plain-value", printed);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("GH_TOKEN", true)]
    [InlineData("CONFIG_REPO_TOKEN", true)]
    [InlineData("PIPELINES_REGISTRY_TOKEN", true)]
    [InlineData("PIPELINES_GITHUB_TOKEN", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("AWS_SESSION_TOKEN", true)]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_URL", true)]
    [InlineData("ACTIONS_RUNTIME_TOKEN", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("SIGNING_KEY", true)]
    [InlineData("PATH", false)]
    [InlineData("HOME", false)]
    [InlineData("AWS_REGION", false)]
    [InlineData("AWS_ACCESS_KEY_ID", false)]
    [InlineData("PIPELINES_HELM_DOWNLOAD_URL", false)]
    [InlineData("GITHUB_REPOSITORY", false)]
    public void Credentials_are_told_apart_by_their_names(string name, bool secret)
    {
        // Act
        var isSecret = ChildEnvironment.IsSecret(name);

        // Assert
        Assert.Equal(secret, isSecret);
    }
}
