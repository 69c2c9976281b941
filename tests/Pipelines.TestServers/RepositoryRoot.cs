namespace Pipelines.TestServers;

/// <summary>The repository the tests were built from: the nearest folder above the test assembly holding .nuke/.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (Directory.Exists(System.IO.Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("No .nuke/ folder above the test assembly.");
    }
}
