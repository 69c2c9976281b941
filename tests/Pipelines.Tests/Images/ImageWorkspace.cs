using Pipelines.Engine;
using Pipelines.Images;
using Pipelines.Tests.Engine;
using Pipelines.TestServers;
using Pipelines.Tools;

namespace Pipelines.Tests.Images;

/// <summary>
/// A build root of its own for one test: a copy of samples/web in a fresh git repository with one commit
/// (a unique message, so every workspace has its own SHA and tag), run through <see cref="BuildHarness"/>.
/// </summary>
internal sealed class ImageWorkspace : IDisposable
{
    private readonly BuildHarness _harness = new();

    private ImageWorkspace() { }

    public AbsolutePath Root => _harness.Root;

    public string Sha { get; private set; } = "";

    public string ShortSha { get; private set; } = "";

    public static async Task<ImageWorkspace> CreateAsync()
    {
        var workspace = new ImageWorkspace();
        CopyDirectory(
            Path.Combine(RepositoryRoot.Path, "samples", "web"),
            workspace.Root / "samples" / "web"
        );
        await workspace.GitAsync("init", "--quiet");
        await workspace.GitAsync("add", "samples");
        await workspace.GitAsync("commit", "--quiet", "-m", $"workspace {Guid.NewGuid():N}");
        workspace.Sha = await workspace.GitAsync("rev-parse", "HEAD");
        workspace.ShortSha = await workspace.GitAsync("rev-parse", "--short", "HEAD");
        return workspace;
    }

    public PushedImage ImageJson => PushedImage.Read(Root / ".nuke" / "temp" / "image.json");

    public async Task<string> GitAsync(params string[] arguments)
    {
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand
                .For("git")
                .WithArguments("-c", "user.name=Tests", "-c", "user.email=tests@example.com")
                .WithArguments(arguments)
                .WithWorkingDirectory(Root),
            ToolOutput.Capture
        );
        return result.StandardOutput.Trim();
    }

    public Task<BuildResult<ImageBuild>> RunAsync(params string[] args) =>
        _harness.RunAsync(new ImageBuild(), args);

    /// <summary>Runs a build of the test's own (one that adds targets around BuildImage and PushImage).</summary>
    public Task<BuildResult<TBuild>> RunAsync<TBuild>(TBuild build, params string[] args)
        where TBuild : PipelineBuild => _harness.RunAsync(build, args);

    public void Dispose() => _harness.Dispose();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>The smallest build with the component, as build/Build.Images.cs composes it.</summary>
internal sealed class ImageBuild : PipelineBuild, IContainerImage;
