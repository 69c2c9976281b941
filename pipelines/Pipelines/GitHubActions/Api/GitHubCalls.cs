using System.Globalization;
using System.Net;
using Octokit;
using Pipelines.Engine;

namespace Pipelines.GitHubActions.Api;

/// <summary>
/// Runs GitHub calls with bounded retries for the failures that pass (5xx, 429 after its Retry-After, a connection
/// that dropped) and turns every failure into a <see cref="GitHubApiException"/>. Other 4xx are never retried:
/// the same request would get the same answer.
/// </summary>
internal static class GitHubCalls
{
    /// <summary>Attempts in all before a call fails (the bounds every remote call has).</summary>
    public static int MaxAttempts => RetryBounds.RemoteCall.MaxAttempts;

    /// <summary>A 429 asking for a longer wait than this fails at once rather than holding the job.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="call"/>, retried as a whole: callers make it an idempotent unit (find, then create or
    /// edit), so a retry after a create whose answer was lost finds what was created instead of creating it again.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        IGitHubClient client,
        GitHubOperation operation,
        Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken
    )
    {
        var pipeline = Retries.For(
            $"GitHub call to {operation.Description} in {operation.Repository}",
            RetryBounds.RemoteCall,
            e => IsTransient(e) || IsTimeout(e, cancellationToken),
            GitHubFailures.Short,
            RetryAfter
        );
        try
        {
            return await pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);
        }
        catch (Exception e)
            when (e is ApiException or HttpRequestException || IsTimeout(e, cancellationToken))
        {
            throw GitHubFailures.Explain(e, operation, client);
        }
    }

    public static bool IsTransient(Exception exception) =>
        exception switch
        {
            ApiException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
            ApiException { StatusCode: HttpStatusCode.TooManyRequests } api => RetryAfter(api)
                is not { } wait
                || wait <= MaxRetryAfter,
            HttpRequestException => true,
            _ => false,
        };

    /// <summary>
    /// Octokit's calls take no token, so a cancellation the caller did not ask for is the HTTP client's timeout.
    /// </summary>
    public static bool IsTimeout(Exception exception, CancellationToken callerToken) =>
        exception is OperationCanceledException && !callerToken.IsCancellationRequested;

    /// <summary>GitHub's Retry-After (seconds or an HTTP date), or null to use the backoff.</summary>
    public static TimeSpan? RetryAfter(Exception? exception)
    {
        if (exception is not ApiException { HttpResponse.Headers: { } headers })
        {
            return null;
        }
        var value = headers
            .FirstOrDefault(h =>
                string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)
            )
            .Value?.Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DateTimeOffset.TryParse(
            value,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var date
        )
            ? TimeSpan.FromTicks(Math.Max(0, (date - DateTimeOffset.UtcNow).Ticks))
            : null;
    }
}
