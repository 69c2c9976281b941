using Pipelines.Tools.Git;

namespace Pipelines.ConfigRepo.Git;

internal sealed partial class ConfigClone
{
    /// <summary>The branch the config repo's HEAD names (its default branch), asked of the remote without cloning.</summary>
    public static async Task<string> DefaultBranchAsync(
        string repository,
        ConfigRepoContext context,
        CancellationToken ct
    )
    {
        var remote = RemoteFor(repository);
        Directory.CreateDirectory(context.TemporaryDirectory);
        var git = new GitCli(context.TemporaryDirectory, GitCredentials.For(remote, context.Token));
        var result = await git.TryRunAsync(ct, "ls-remote", "--symref", remote, "HEAD");
        const string Prefix = "ref: refs/heads/";
        var line = result
            .StandardOutput.Split('\n')
            .FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (result.ExitCode != 0 || line is null)
        {
            throw new ConfigRepoException(
                $"Could not read the default branch of the config repo {repository}: "
                    + (
                        result.ExitCode != 0
                            ? result.StandardError.Trim()
                            : "its HEAD names no branch"
                    )
                    + ". Pass --config-branch, and check --config-repo and the token."
            );
        }
        return line[Prefix.Length..].Split('\t')[0];
    }
}
