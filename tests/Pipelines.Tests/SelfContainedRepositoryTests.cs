using Pipelines.TestServers;

namespace Pipelines.Tests;

/// <summary>A user's clone has nothing beside it: no code, script or project file reads a folder above the root.</summary>
public sealed class SelfContainedRepositoryTests
{
    private static readonly string[] CodeExtensions =
    [
        ".cs",
        ".csproj",
        ".props",
        ".targets",
        ".sh",
        ".ps1",
        ".json",
        ".yml",
        ".yaml",
    ];

    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", ".nuke/temp"];

    [Fact]
    public void No_code_or_script_reads_the_shared_folder_beside_the_repository()
    {
        // Arrange: the path split so that this file does not match itself.
        var outside = string.Concat("..", "/shared");
        var files = Directory
            .EnumerateFiles(RepositoryRoot.Path, "*", SearchOption.AllDirectories)
            .Where(f =>
                CodeExtensions.Contains(Path.GetExtension(f)) || Path.GetFileName(f) == "run"
            )
            .Where(f => !IsSkipped(Path.GetRelativePath(RepositoryRoot.Path, f)));

        // Act
        var readers = files
            .Where(f => File.ReadAllText(f).Contains(outside, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ToList();

        // Assert
        Assert.True(
            readers.Count == 0,
            $"These files reach outside the repository ({outside}); copy what they need into it, with its "
                + $"origin beside it:\n  {string.Join("\n  ", readers)}"
        );
    }

    private static bool IsSkipped(string relative) =>
        SkippedFolders.Any(folder =>
            relative.StartsWith(folder + "/", StringComparison.Ordinal)
            || relative.Contains("/" + folder + "/", StringComparison.Ordinal)
        );
}
