using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.GitHubActions.Api;

/// <summary>
/// A GitHub API call failed for good (after bounded retries where a retry could help). The message names the
/// repository, what was being done, GitHub's own words and the fix; it never contains the token.
/// </summary>
internal sealed class GitHubApiException(
    string message,
    GitHubRepository repository,
    int? statusCode,
    Exception? inner
) : Exception(message, inner), IExplainedFailure
{
    public GitHubRepository Repository { get; } = repository;

    /// <summary>The HTTP status of GitHub's last answer; null when GitHub could not be reached.</summary>
    public int? StatusCode { get; } = statusCode;
}
