using Pipelines.Engine;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;

namespace Pipelines.Tests.GitHubActions;

/// <summary>A small build to compile declarations against: two targets, a flag, a list, a secret.</summary>
internal sealed class CompilerTestBuild : PipelineBuild
{
    [Parameter("Environment")]
    string? Env { get; init; }

    [Parameter("A flag")]
    bool Check { get; init; }

    [Parameter("Several values")]
    string[] Tags { get; init; } = [];

    [Parameter("A token"), Secret]
    string? Token { get; init; }

    Target Render => _ => _.Executes(() => Console.WriteLine($"{Env}{Check}{Tags.Length}{Token}"));

    Target Deploy => _ => _.DependsOn(Render).Executes(() => { });

    public static BuildCatalog Catalog() => BuildCatalog.Of(new CompilerTestBuild());

    /// <summary>One workflow with one job running these steps.</summary>
    public static Workflow With(params Step[] steps) =>
        new()
        {
            FileName = "test.yml",
            Name = "Test",
            On = new() { Push = new() { Branches = ["main"] } },
            Jobs = [new() { Id = "job", Steps = steps }],
        };
}
