using Pipelines.Engine;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.Vals;
using Pipelines.TestServers;
using Pipelines.Tools.Helm;

namespace Pipelines.Tests.Helmfile;

/// <summary>
/// A throwaway repository for helmfile tests: a temp folder with <c>.nuke/</c>, files written by the test, and
/// optionally the project's real charts and helmfile config copied in. Deleted on dispose.
/// </summary>
internal sealed class HelmfileWorkspace : IDisposable
{
    public HelmfileWorkspace()
    {
        Root = AbsolutePath.Create(
            Path.Combine(Path.GetTempPath(), $"helmfile-test-{Guid.NewGuid():N}")
        );
        Directory.CreateDirectory(Root / ".nuke");
    }

    public AbsolutePath Root { get; }

    /// <summary>helm is installed once per machine into the repository's own tools folder and shared.</summary>
    public static AbsolutePath SharedTools =>
        AbsolutePath.Create(RepositoryRoot.Path) / ".nuke" / "temp" / "tools";

    /// <summary>
    /// Links the helm the test run shares into <paramref name="root"/>'s tools folder, for targets that render through
    /// the engine's RenderHelmfile (which installs helm under the root it runs in).
    /// </summary>
    public static async Task LinkSharedHelmAsync(AbsolutePath root)
    {
        var helm = await HelmInstaller.EnsureAsync(SharedTools, CancellationToken.None);
        var link = HelmInstaller.InstalledPath(root / ".nuke" / "temp" / "tools");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, helm);
    }

    public static TemplateContext Templates(params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => v.Name == name).Value);

    public AbsolutePath Write(string relativePath, string content)
    {
        var path = Root / relativePath;
        Directory.CreateDirectory(path.Parent!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Copies the project's charts/ and helmfile/ (the real sample config) into the workspace.</summary>
    public HelmfileWorkspace WithProjectConfig()
    {
        Copy(AbsolutePath.Create(RepositoryRoot.Path) / "charts", Root / "charts");
        Copy(AbsolutePath.Create(RepositoryRoot.Path) / "helmfile", Root / "helmfile");
        return this;
    }

    public AbsolutePath Rendered => Root / ".nuke" / "temp" / "rendered";

    /// <summary>
    /// Renders the workspace's helmfile/ for the test environment with the shared helm, and writes the output under
    /// <see cref="Rendered"/>, as RenderHelmfile does.
    /// </summary>
    public async Task<(RenderResult Result, HelmfileRenderer Renderer)> RenderTestEnvironmentAsync(
        ReferenceResolver? references
    )
    {
        var renderer = new HelmfileRenderer(Root, Templates(), references)
        {
            ToolsDirectory = SharedTools,
        };
        var result = await renderer.RenderAsync(
            Root / "helmfile" / "helmfile.yaml",
            Root / "helmfile" / "clusters.yaml",
            new RenderOptions("test", null, [], NeedsGraph.Include.None),
            CancellationToken.None
        );
        await RenderOutput.WriteAsync(
            Rendered,
            result,
            complete: true,
            write: true,
            CancellationToken.None
        );
        return (result, renderer);
    }

    public IReadOnlyList<string> RenderedFiles =>
        Rendered.DirectoryExists
            ? Directory
                .GetFiles(Rendered, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Rendered, f))
                .Order()
                .ToList()
            : [];

    private static void Copy(AbsolutePath from, AbsolutePath to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        if (Root.DirectoryExists)
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
