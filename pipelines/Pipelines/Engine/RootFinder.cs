namespace Pipelines.Engine;

/// <summary>
/// The repository root is the nearest folder holding <c>.nuke/</c>: first above the build's own assembly
/// (so <c>./build.sh</c> works from any subfolder, or from outside the repository), then above the working directory.
/// </summary>
internal static class RootFinder
{
    public static AbsolutePath? Find() =>
        Above(AppContext.BaseDirectory) ?? Above(Directory.GetCurrentDirectory());

    public static AbsolutePath? Above(string start)
    {
        for (
            var directory = new DirectoryInfo(start);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return AbsolutePath.Create(directory.FullName);
            }
        }
        return null;
    }
}
