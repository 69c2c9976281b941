using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

/// <summary>Component interfaces: their parameters and targets join the build's; and how parameter names are spelled.</summary>
public class ComponentTests
{
    private interface IRegistryComponent : IPipelineBuild
    {
        [Parameter("Container registry")]
        string Registry => TryGetValue(() => Registry) ?? "local";

        Target Login => _ => _.Executes(() => Log.Info($"login to {Registry}"));

        Target Push => _ => _.DependsOn(Login).Executes(() => Log.Info($"push to {Registry}"));
    }

    private sealed class ComponentBuild : RecordingBuild, IRegistryComponent
    {
        Target Release =>
            _ =>
                _.DependsOn<IRegistryComponent>(x => x.Push)
                    .Executes(() => Record(((IRegistryComponent)this).Registry));
    }

    [Theory]
    [InlineData(null, null, "local")]
    [InlineData("ghcr.io", null, "ghcr.io")]
    [InlineData(null, "quay.io", "quay.io")]
    public async Task Component_parameters_and_targets_are_picked_up_and_bound(
        string? environment,
        string? commandLine,
        string expected
    )
    {
        // Arrange
        using var harness = new BuildHarness();
        if (environment is not null)
        {
            harness.Environment["PIPELINES_REGISTRY"] = environment;
        }
        string[] args = commandLine is null ? ["Release"] : ["Release", "--registry", commandLine];
        var build = new ComponentBuild();

        // Act
        var result = await harness.RunAsync(build, args);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([expected], build.Executed);
        Assert.Contains($"login to {expected}", result.Output);
        Assert.Contains($"push to {expected}", result.Output);
        Assert.Equal(TargetStatus.Succeeded, result.StatusOf("Push"));
    }

    [Theory]
    [InlineData("KubeVersion", "kube-version", "PIPELINES_KUBE_VERSION")]
    [InlineData("APIKey", "api-key", "PIPELINES_API_KEY")]
    [InlineData("DryRun", "dry-run", "PIPELINES_DRY_RUN")]
    [InlineData("GitHubToken", "github-token", "PIPELINES_GITHUB_TOKEN")]
    public void Parameter_names_are_spelled_kebab_on_the_command_line_and_snake_in_the_environment(
        string member,
        string kebab,
        string environment
    )
    {
        // Act
        var actualKebab = ParameterNames.Kebab(member);
        var actualEnvironment = ParameterNames.Environment(member);

        // Assert
        Assert.Equal(kebab, actualKebab);
        Assert.Equal(environment, actualEnvironment);
    }
}
