namespace Pipelines.TestServers;

/// <summary>A fresh folder under the temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } =
        Directory.CreateTempSubdirectory("pipelines-helm-installer-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
