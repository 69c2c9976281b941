namespace Pipelines.Tools;

/// <summary>Finds an executable file in a list of directories, as a shell looks one up on PATH.</summary>
internal static class ExecutableSearch
{
    /// <summary>
    /// The full path of the first of <paramref name="fileNames"/> that exists and may be executed, trying every name
    /// in each directory before the next directory; null when none is found.
    /// </summary>
    public static string? Find(IEnumerable<string> directories, params string[] fileNames)
    {
        foreach (var directory in directories)
        {
            foreach (var name in fileNames)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate) && IsExecutable(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }
        return null;
    }

    /// <summary>The directories of a PATH value, in order.</summary>
    public static IEnumerable<string> Directories(string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    // Windows has no execute bit: a file that exists is taken as runnable there.
    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (
            File.GetUnixFileMode(path)
            & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)
        ) != 0;
}
