namespace Pipelines.ConfigRepo;

/// <summary>
/// "This repository" as a config repo. Locally it is the checkout itself. On GitHub Actions the checkout is the
/// runner's throwaway copy, so a commit there would be lost with the runner: there it is the repository on GitHub.
/// </summary>
internal static class ConfigRepoDefault
{
    public static string For(string rootDirectory, Func<string, string?> environment) =>
        environment("GITHUB_ACTIONS") == "true"
        && environment("GITHUB_SERVER_URL") is { Length: > 0 } server
        && environment("GITHUB_REPOSITORY") is { Length: > 0 } repository
            ? $"{server.TrimEnd('/')}/{repository}.git"
            : rootDirectory;
}
