using Pipelines.Engine;
using Pipelines.GitHubActions.Generation;
using Pipelines.TestServers;

namespace Pipelines.Tests.GitHubActions;

/// <summary>The repository's own build, generating its workflows in memory.</summary>
internal static class GeneratedWorkflows
{
    public static Build Build()
    {
        var build = new Build { RootDirectory = AbsolutePath.Create(RepositoryRoot.Path) };
        return build;
    }

    public static AbsolutePath ClustersFile =>
        AbsolutePath.Create(RepositoryRoot.Path) / "helmfile" / "clusters.yaml";

    public static IReadOnlyList<WorkflowFiles.GeneratedFile> Generate(
        AbsolutePath? clustersFile = null
    ) => WorkflowFiles.Generate(Build(), clustersFile ?? ClustersFile);

    public static IReadOnlyDictionary<string, ParsedWorkflow> Parsed(
        AbsolutePath? clustersFile = null
    ) =>
        Generate(clustersFile)
            .Where(f => f.RelativePath.EndsWith(".yml", StringComparison.Ordinal))
            .ToDictionary(
                f => Path.GetFileName(f.RelativePath),
                f => ParsedWorkflow.Parse(Path.GetFileName(f.RelativePath), f.Content)
            );
}
