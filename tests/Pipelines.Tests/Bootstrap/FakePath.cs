namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// A machine as a script sees it through PATH: one folder holding links to the real tools it may use and stubs
/// (small bash scripts) standing in for the rest. Whatever is not in the folder is missing. Disposing deletes it.
/// </summary>
internal sealed class FakePath : IDisposable
{
    private static readonly string[] SystemFolders = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"];

    public FakePath(string prefix) => Directory = RepositoryCopy.NewTemporaryDirectory(prefix);

    public string Directory { get; }

    /// <summary>Links the real tools found in the system folders; a tool this machine lacks stays missing.</summary>
    public FakePath Link(params string[] tools)
    {
        foreach (var tool in tools)
        {
            var found = SystemFolders
                .Select(folder => Path.Combine(folder, tool))
                .FirstOrDefault(File.Exists);
            if (found is not null && !Has(tool))
            {
                File.CreateSymbolicLink(Path.Combine(Directory, tool), found);
            }
        }
        return this;
    }

    /// <summary>A stub run by bash: <paramref name="body"/> is its script after the shebang.</summary>
    public FakePath Stub(string name, string body = "exit 0")
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Pipelines.Tools.Helm.HelmInstaller.ExecutableMode);
        }
        return this;
    }

    /// <summary>Stubs that succeed, one per name (each records its calls, see <see cref="Clusters.FakeTool"/>).</summary>
    public FakePath Present(params string[] names)
    {
        foreach (var name in names)
        {
            Clusters.FakeTool.Write(Directory, name);
        }
        return this;
    }

    public bool Has(string name) => File.Exists(Path.Combine(Directory, name));

    public void Dispose() => RepositoryCopy.DeleteDirectory(Directory);
}
