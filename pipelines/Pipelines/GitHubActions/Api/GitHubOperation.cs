namespace Pipelines.GitHubActions.Api;

/// <summary>
/// What a sequence of GitHub calls is doing, in words that complete "failed to ...", with the fixes to offer when
/// GitHub rejects it (422) or cannot find it (404).
/// </summary>
internal sealed record GitHubOperation(GitHubRepository Repository, string Description)
{
    public string ValidationHint { get; init; } = "";

    public string NotFoundHint { get; init; } =
        "the repository does not exist, or the token cannot see it (GITHUB_TOKEN only reaches the workflow's own "
        + "repository; a fine-grained token must be granted this one)";
}
