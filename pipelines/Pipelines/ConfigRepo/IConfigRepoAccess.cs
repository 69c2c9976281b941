using Pipelines.Engine;

namespace Pipelines.ConfigRepo;

/// <summary>
/// Where and how a component changes the config repo: the repository and branch, commit or pull request, and the
/// GitHub credentials pull requests need. Shared by BumpK8sConfig (IBumpK8sConfig) and MigrateApp
/// (IClusterLifecycle), so both take the same parameters and reach the repo the same way.
/// </summary>
public interface IConfigRepoAccess : IPipelineBuild
{
    [Parameter(
        "The config repo: a git URL or a local path (default: this repository; on GitHub Actions, its GitHub URL)"
    )]
    string? ConfigRepo => TryGetValue(() => ConfigRepo);

    [Parameter("The config repo's base branch (default: its default branch)")]
    string? ConfigBranch => TryGetValue(() => ConfigBranch);

    [Parameter(
        "commit: push to the base branch; pull-request: a branch (bump/<app>/<env>, migrate/<app>/<env>) and a PR; auto: per --pull-request-envs"
    )]
    BumpVia Via => TryGetValue(() => Via);

    [Parameter("Environments that --via auto changes through a pull request")]
    string[] PullRequestEnvs => TryGetValue(() => PullRequestEnvs) ?? ["prod"];

    [
        Parameter("Token for an https config repo and the GitHub API (default: $GITHUB_TOKEN)"),
        Secret
    ]
    string? GitHubToken => TryGetValue(() => GitHubToken);

    [Parameter("The config repo on GitHub, owner/name (default: from --config-repo's URL)")]
    string? GitHubRepository => TryGetValue(() => GitHubRepository);

    [Parameter(
        "GitHub API URL, for GitHub Enterprise (default: $GITHUB_API_URL or api.github.com)"
    )]
    string? GitHubApiUrl => TryGetValue(() => GitHubApiUrl);

    /// <summary>The config repo to change: <c>--config-repo</c>, else this repository.</summary>
    string ConfigRepository =>
        ConfigRepo ?? ConfigRepoDefault.For(RootDirectory, Environment.GetEnvironmentVariable);

    /// <summary>Clones under .nuke/temp, the dry run, the token (masked) and the GitHub pull-request opener.</summary>
    ConfigRepoContext ConfigRepoContext
    {
        get
        {
            var token = GitHubToken ?? Environment.GetEnvironmentVariable("GITHUB_TOKEN");
            Log.RegisterSecret(token);
            token = string.IsNullOrEmpty(token) ? null : token;
            return new ConfigRepoContext
            {
                Repository = ConfigRepository,
                Branch = ConfigBranch,
                TemporaryDirectory = TemporaryDirectory,
                DryRun = DryRun,
                Token = token,
                PullRequests = GitHubPullRequestOpener.For(
                    ConfigRepository,
                    GitHubRepository,
                    token,
                    GitHubApiUrl
                ),
            };
        }
    }

    /// <summary>How a change to <paramref name="environment"/> is delivered under <c>--via</c>.</summary>
    ConfigDelivery DeliveryFor(string environment) =>
        Via switch
        {
            BumpVia.Commit => ConfigDelivery.Commit,
            BumpVia.PullRequest => ConfigDelivery.PullRequest,
            _ => PullRequestEnvs.Contains(environment, StringComparer.OrdinalIgnoreCase)
                ? ConfigDelivery.PullRequest
                : ConfigDelivery.Commit,
        };
}
