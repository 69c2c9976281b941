using Pipelines.ConfigRepo.Git;
using Pipelines.Tools.Git;

namespace Pipelines.ConfigRepo.Publish;

/// <summary>
/// What a target changed in this checkout under some paths, as a git patch against the checkout's HEAD (new files
/// included). Applied with <c>git apply --3way</c> onto the config repo's newest HEAD, so changes that landed there
/// since this checkout was made are kept, never overwritten by whole-file copies.
/// </summary>
internal sealed record WorkingTreePatch(string Patch, IReadOnlyList<string> Files)
{
    public bool IsEmpty => Files.Count == 0;

    public static async Task<WorkingTreePatch> ReadAsync(
        string checkout,
        IReadOnlyList<string> paths,
        CancellationToken ct
    )
    {
        var git = new GitCli(checkout);
        // New files count too: mark them intent-to-add so that git diff shows them, then unmark them again.
        var untracked = Lines(
            await git.RunAsync(ct, ["ls-files", "--others", "--exclude-standard", "--", .. paths])
        );
        if (untracked.Count > 0)
        {
            await git.RunAsync(ct, ["add", "--intent-to-add", "--", .. untracked]);
        }
        try
        {
            var files = Lines(
                await git.RunAsync(ct, ["diff", "--name-only", "HEAD", "--", .. paths])
            );
            var patch =
                files.Count == 0
                    ? ""
                    : (
                        await git.TryRunAsync(ct, ["diff", "--binary", "HEAD", "--", .. paths])
                    ).StandardOutput;
            return new WorkingTreePatch(patch, files);
        }
        finally
        {
            if (untracked.Count > 0)
            {
                await git.RunAsync(ct, ["reset", "--quiet", "--", .. untracked]);
            }
        }
    }

    /// <summary>Applies the patch to a clone; a conflict with what landed meanwhile is an error naming the files.</summary>
    public async Task ApplyAsync(ConfigWorkspace workspace, CancellationToken ct)
    {
        var patchFile = Path.Combine(
            Path.GetTempPath(),
            $"pipelines-publish-{Guid.NewGuid():N}.patch"
        );
        await File.WriteAllTextAsync(patchFile, Patch, ct);
        try
        {
            foreach (var file in Files)
            {
                workspace.Remember(file); // git changes the files itself: keep their content for the diff
            }
            var git = new GitCli(workspace.Root);
            var applied = await git.TryRunAsync(
                ct,
                "apply",
                "--3way",
                "--whitespace=nowarn",
                patchFile
            );
            if (applied.ExitCode != 0)
            {
                throw new ConfigRepoException(
                    $"The changes to {string.Join(", ", Files)} conflict with commits that landed in the config repo since "
                        + $"this checkout was made:\n{applied.StandardError.Trim()}\nRerun the target on a fresh checkout."
                );
            }
        }
        finally
        {
            File.Delete(patchFile);
        }
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
}
