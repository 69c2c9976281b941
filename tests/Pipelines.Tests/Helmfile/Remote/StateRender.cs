using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// Renders a state file a test writes (<c>helmfile/remote.yaml.gotmpl</c>, beside the project's clusters.yaml) for the
/// test environment's active cluster, test-1-35-green, with the shared helm and the given environment variables.
/// </summary>
internal static class StateRender
{
    public const string Cluster = "test-1-35-green";
    public const string StateFile = "helmfile/remote.yaml.gotmpl";

    public static async Task<RenderResult> RenderAsync(
        HelmfileWorkspace workspace,
        string state,
        TemplateFlags? flags = null,
        params (string Name, string Value)[] environment
    )
    {
        workspace.Write(StateFile, state);
        var renderer = new HelmfileRenderer(
            workspace.Root,
            HelmfileWorkspace.Templates(environment),
            references: null
        )
        {
            ToolsDirectory = HelmfileWorkspace.SharedTools,
        };
        return await renderer.RenderAsync(
            workspace.Root / StateFile,
            workspace.Root / "helmfile" / "clusters.yaml",
            new RenderOptions("test", Cluster, [], NeedsGraph.Include.None)
            {
                Flags = flags ?? new TemplateFlags(),
            },
            CancellationToken.None
        );
    }

    /// <summary>One release's rendered YAML.</summary>
    public static string Yaml(RenderResult result, string release) =>
        result.Clusters.Single().Releases.Single(r => r.Release.Name == release).Yaml;
}
