using System.Globalization;
using System.Net;
using Octokit;

namespace Pipelines.GitHubActions.Api;

/// <summary>Turns Octokit's exceptions into messages that name the repository, the operation, GitHub's words and the fix.</summary>
internal static class GitHubFailures
{
    public static GitHubApiException Explain(
        Exception exception,
        GitHubOperation operation,
        IGitHubClient client
    )
    {
        var repo = operation.Repository;
        var what = $"to {operation.Description} in {repo}";
        var status = exception is ApiException api ? (int)api.StatusCode : (int?)null;
        var message = exception switch
        {
            ApiValidationException validation =>
                $"GitHub rejected the request {what} (422 {Words(validation)}). {operation.ValidationHint}",
            AuthorizationException auth =>
                $"GitHub did not accept the token {what} (401 {Words(auth)}). The token is missing, mistyped, "
                    + "revoked or expired: pass a valid one (on GitHub Actions, ${{ secrets.GITHUB_TOKEN }}).",
            RateLimitExceededException limit =>
                $"The GitHub API rate limit is used up ({limit.Limit} requests an hour), so the request {what} was "
                    + $"refused (403 {Words(limit)}). It resets at {limit.Reset.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}: "
                    + "run again then, or use a token with a higher limit (a GitHub App installation token).",
            ForbiddenException forbidden =>
                $"GitHub refused the token permission {what} (403 {Words(forbidden)}). On GitHub Actions give the "
                    + "job `permissions: pull-requests: write` (and `contents: write` to push the branch); a personal "
                    + $"access token needs 'Pull requests: Read and write' on {repo}.",
            NotFoundException notFound =>
                $"GitHub answered 404 Not Found {what} ({Words(notFound)}): {operation.NotFoundHint}.",
            ApiException { StatusCode: HttpStatusCode.TooManyRequests } throttled =>
                GitHubCalls.RetryAfter(throttled) is { } wait && wait > GitHubCalls.MaxRetryAfter
                    ? $"GitHub throttled the request {what} (429 {Words(throttled)}) and asked for a wait of "
                        + $"{wait.TotalSeconds:0} s, longer than the {GitHubCalls.MaxRetryAfter.TotalSeconds:0} s this build waits. Run it again later."
                    : Persistent(what, throttled),
            ApiException { StatusCode: >= HttpStatusCode.InternalServerError } server => Persistent(
                what,
                server
            ),
            ApiException other =>
                $"GitHub answered {(int)other.StatusCode} {what}: {Words(other)}.",
            OperationCanceledException =>
                $"The GitHub API at {client.Connection.BaseAddress} did not answer in time {what}: "
                    + $"{GitHubCalls.MaxAttempts} attempts timed out. GitHub may be having an incident "
                    + "(https://www.githubstatus.com), or a proxy holds the connection: run the job again later.",
            _ =>
                $"Could not reach the GitHub API at {client.Connection.BaseAddress} {what} after {GitHubCalls.MaxAttempts} "
                    + $"attempts: {exception.Message}. Check {GitHubApi.ApiUrlVariable} (or the API URL given) and the network.",
        };
        return new GitHubApiException(Scrub(message.TrimEnd(), client), repo, status, exception);
    }

    /// <summary>One line for a retry warning: the status and GitHub's message.</summary>
    public static string Short(Exception? exception) =>
        exception switch
        {
            ApiException api => $"{(int)api.StatusCode} {Words(api)}",
            OperationCanceledException => "no answer in time",
            null => "unknown error",
            _ => exception.Message,
        };

    private static string Persistent(string what, ApiException last) =>
        $"GitHub kept failing {what}: {GitHubCalls.MaxAttempts} attempts, the last answered {(int)last.StatusCode} "
        + $"{Words(last)}. GitHub may be having an incident (https://www.githubstatus.com): run the job again later.";

    /// <summary>GitHub's message and the messages of each error detail, e.g. "Validation Failed: No commits between main and b".</summary>
    private static string Words(ApiException exception)
    {
        var message = exception.ApiError?.Message;
        if (string.IsNullOrWhiteSpace(message) || message.TrimStart().StartsWith('<'))
        {
            // A proxy's or GitHub's HTML error page: the status says more than the markup.
            using var reason = new HttpResponseMessage(exception.StatusCode);
            message = reason.ReasonPhrase ?? "";
        }
        var details = (exception.ApiError?.Errors ?? [])
            .Select(Detail)
            .Where(d => d.Length > 0)
            .ToList();
        return details.Count == 0
            ? message.Trim()
            : $"{message.Trim()}: {string.Join("; ", details)}";
    }

    /// <summary>The detail's message, else where and what, e.g. "PullRequest.head invalid".</summary>
    private static string Detail(ApiErrorDetail detail)
    {
        if (!string.IsNullOrWhiteSpace(detail.Message))
        {
            return detail.Message.Trim();
        }
        var where = string.Join(".", new[] { detail.Resource, detail.Field }.Where(IsSet));
        return string.Join(" ", new[] { where, detail.Code }.Where(IsSet));
    }

    private static bool IsSet(string? part) => !string.IsNullOrEmpty(part);

    // Defence in depth: GitHub does not echo tokens, but a proxy's error page might.
    private static string Scrub(string message, IGitHubClient client)
    {
        var token = client.Connection.Credentials?.Password;
        return string.IsNullOrEmpty(token)
            ? message
            : message.Replace(token, "***", StringComparison.Ordinal);
    }
}
