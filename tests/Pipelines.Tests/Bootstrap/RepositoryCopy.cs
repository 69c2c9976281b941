using Pipelines.TestServers;

namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// A throwaway copy of what the bootstrap needs (build.sh, build.ps1, global.json, Directory.*.props, .nuke/*.json,
/// build/ and pipelines/ without bin/, obj/ or .nuke/temp), in a fresh folder under /tmp. Disposing deletes it.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] SkippedFolders = ["bin", "obj"];

    private RepositoryCopy(string path) => Path = path;

    public string Path { get; }

    public string BuildScript => System.IO.Path.Combine(Path, "build.sh");

    public string TempDirectory => System.IO.Path.Combine(Path, ".nuke", "temp");

    public string CompiledBuild => System.IO.Path.Combine(TempDirectory, "build", "_build.dll");

    public static RepositoryCopy Create(string prefix)
    {
        var source = RepositoryRoot.Path;
        var copy = new RepositoryCopy(NewTemporaryDirectory(prefix));
        foreach (var file in new[] { "build.sh", "build.ps1", "global.json" })
        {
            CopyFileIfPresent(source, copy.Path, file);
        }
        foreach (var props in Directory.EnumerateFiles(source, "Directory.*.props"))
        {
            File.Copy(props, System.IO.Path.Combine(copy.Path, System.IO.Path.GetFileName(props)));
        }
        var nuke = Directory.CreateDirectory(System.IO.Path.Combine(copy.Path, ".nuke"));
        foreach (
            var json in Directory.EnumerateFiles(System.IO.Path.Combine(source, ".nuke"), "*.json")
        )
        {
            File.Copy(
                json,
                System.IO.Path.Combine(nuke.FullName, System.IO.Path.GetFileName(json))
            );
        }
        CopyTree(
            System.IO.Path.Combine(source, "build"),
            System.IO.Path.Combine(copy.Path, "build")
        );
        CopyTree(
            System.IO.Path.Combine(source, "pipelines"),
            System.IO.Path.Combine(copy.Path, "pipelines")
        );
        // The package embeds the sample base's Dockerfile (pipelines/Pipelines/Pipelines.csproj).
        CopyTree(
            System.IO.Path.Combine(source, "samples", "base"),
            System.IO.Path.Combine(copy.Path, "samples", "base")
        );
        return copy;
    }

    /// <summary>
    /// Also copies these folders of the repository (e.g. <c>templates</c>, <c>samples/web</c>), without bin/ or obj/
    /// but with any <c>.nuke/</c> they hold (the app template has its own).
    /// </summary>
    public RepositoryCopy With(params string[] folders)
    {
        foreach (var folder in folders)
        {
            CopyTree(
                System.IO.Path.Combine(RepositoryRoot.Path, folder),
                System.IO.Path.Combine(Path, folder),
                keepNuke: true
            );
        }
        return this;
    }

    /// <summary>A new empty folder under /tmp whose name starts with the prefix.</summary>
    public static string NewTemporaryDirectory(string prefix) =>
        Directory
            .CreateDirectory(
                System.IO.Path.Combine(
                    "/tmp",
                    $"pipelines-{prefix}-{Guid.NewGuid().ToString("N")[..12]}"
                )
            )
            .FullName;

    public void Dispose() => DeleteDirectory(Path);

    public static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // best effort: a leftover folder in /tmp must not fail the run
        }
        catch (UnauthorizedAccessException) { }
    }

    private static void CopyFileIfPresent(string from, string to, string name)
    {
        var file = System.IO.Path.Combine(from, name);
        if (File.Exists(file))
        {
            File.Copy(file, System.IO.Path.Combine(to, name)); // keeps the mode: build.sh stays executable
        }
    }

    private static void CopyTree(string from, string to, bool keepNuke = false)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = System.IO.Path.GetFileName(directory);
            if (!SkippedFolders.Contains(name) && (keepNuke || name != ".nuke"))
            {
                CopyTree(directory, System.IO.Path.Combine(to, name), keepNuke);
            }
        }
    }
}
