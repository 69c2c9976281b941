using Pipelines.Engine;

namespace Pipelines.ConfigRepo.Git;

internal sealed partial class ConfigClone
{
    /// <summary>
    /// Commits everything the edit wrote, as one commit. Its SHA is read afterwards (<see cref="HeadAsync"/>), once
    /// the push landed: between the fetch and the push every git process widens the window another writer can win.
    /// </summary>
    public async Task CommitAsync(ConfigEdit edit, CancellationToken ct)
    {
        await Git.RunAsync(ct, "add", "--all");
        var identity = await IdentityAsync(ct);
        await Git.RunAsync(
            ct,
            [.. identity, "commit", "--quiet", "--no-verify", "-m", edit.Subject, "-m", edit.Body]
        );
    }

    public Task<string> HeadAsync(CancellationToken ct) => Git.RunAsync(ct, "rev-parse", "HEAD");

    /// <summary>
    /// Pushes HEAD to <paramref name="branch"/>. Returns false when another push got there first (the caller redoes
    /// its edit on the new HEAD); throws for anything else, naming the repository and what to check.
    /// </summary>
    public async Task<bool> TryPushAsync(string branch, bool force, CancellationToken ct)
    {
        string[] arguments =
        [
            "push",
            "--porcelain",
            .. force ? new[] { "--force" } : [],
            .. ReceivePack(),
            "origin",
            "HEAD:refs/heads/" + branch,
        ];
        var result = await Git.TryRunAsync(ct, arguments);
        if (result.ExitCode == 0)
        {
            return true;
        }
        var output = result.StandardOutput + "\n" + result.StandardError;
        if (PushRejection.IsLostRace(output))
        {
            return false;
        }
        throw new ConfigRepoException(
            $"Pushing to {branch} of the config repo {Repository} failed: {PushRejection.Reason(output)}\n"
                + PushRejection.Advice(output, branch)
        );
    }

    /// <summary>
    /// Throws away the local commit and takes the remote branch's new HEAD, to redo the edit there. Only ever after a
    /// lost push: the edit's files were all committed (<c>add --all</c>), so the hard reset alone puts the working
    /// tree back; no <c>git clean</c>, one process fewer in the window another writer can win.
    /// </summary>
    public async Task ResetToRemoteAsync(CancellationToken ct)
    {
        await Git.RunAsync(ct, "fetch", "--quiet", "--depth", "1", "--no-tags", "origin", Branch);
        await Git.RunAsync(ct, "reset", "--quiet", "--hard", "FETCH_HEAD");
        Workspace.Forget();
    }

    /// <summary>The tree of a remote branch's tip, or null when the branch does not exist.</summary>
    public async Task<string?> RemoteTreeAsync(string branch, CancellationToken ct)
    {
        var listed = await Git.RunAsync(ct, "ls-remote", "origin", "refs/heads/" + branch);
        if (listed.Length == 0)
        {
            return null;
        }
        var sha = listed.Split('\t')[0];
        await Git.RunAsync(ct, "fetch", "--quiet", "--depth", "1", "--no-tags", "origin", sha);
        return await Git.RunAsync(ct, "rev-parse", sha + "^{tree}");
    }

    public Task<string> HeadTreeAsync(CancellationToken ct) =>
        Git.RunAsync(ct, "rev-parse", "HEAD^{tree}");

    /// <summary>
    /// A local non-bare repository refuses pushes to its checked-out branch. For the local demo (the config repo is
    /// this checkout) git may update that branch and its clean working tree in place, as the user's own commit would.
    /// </summary>
    private IEnumerable<string> ReceivePack() =>
        Remote.StartsWith("file://", StringComparison.Ordinal)
            ? ["--receive-pack=git -c receive.denyCurrentBranch=updateInstead receive-pack"]
            : [];

    /// <summary>
    /// The committer: git's own configuration when it has one, else the CI bot or a local name. Asked once per
    /// clone; a redone edit commits as the same committer.
    /// </summary>
    private async Task<string[]> IdentityAsync(CancellationToken ct) =>
        _identity ??= await ReadIdentityAsync(ct);

    private string[]? _identity;

    private async Task<string[]> ReadIdentityAsync(CancellationToken ct)
    {
        var configured = await Git.TryRunAsync(ct, "config", "user.email");
        if (configured.ExitCode == 0 && configured.StandardOutput.Trim().Length > 0)
        {
            return [];
        }
        return PipelineBuild.IsGitHubActions
            ?
            [
                "-c",
                "user.name=github-actions[bot]",
                "-c",
                "user.email=41898282+github-actions[bot]@users.noreply.github.com",
            ]
            : ["-c", "user.name=pipelines", "-c", "user.email=pipelines@localhost"];
    }
}
