using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;
using Polly;

namespace Pipelines.Images;

/// <summary>
/// Bounded retries with exponential backoff for registry calls that failed for a passing reason (5xx, a refused
/// or reset connection, a timeout); anything else fails at once. When retries run out the error names the registry.
/// </summary>
internal static partial class RegistryRetry
{
    /// <summary>Attempts in all before a registry counts as unavailable.</summary>
    public static int MaxAttempts => RetryBounds.RemoteCall.MaxAttempts;

    private static readonly ResiliencePipeline Pipeline = Retries.For(
        "Registry call",
        RetryBounds.RemoteCall,
        IsTransient,
        FirstLine
    );

    public static async Task<T> RunAsync<T>(
        RegistryTarget registry,
        Func<CancellationToken, ValueTask<T>> call,
        CancellationToken ct
    )
    {
        try
        {
            return await Pipeline.ExecuteAsync(call, ct);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            throw new RegistryUnavailableException(
                $"Registry {registry.Host} did not answer after {MaxAttempts} attempts: {FirstLine(exception)}"
            );
        }
    }

    /// <summary>
    /// A tool's failure whose text names a passing cause, or an HTTP call that got no answer, a 5xx or a 429
    /// (<see cref="RegistryChallenge.ThrowIfTransient"/>).
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        exception switch
        {
            ToolException tool => TransientPattern().IsMatch(tool.Detail),
            // A certificate the registry's TLS fails on does not pass with time: no retries for it.
            HttpRequestException
            {
                InnerException: System.Security.Authentication.AuthenticationException
            } => false,
            HttpRequestException http => http.StatusCode is null
                || (int)http.StatusCode >= 500
                || http.StatusCode == System.Net.HttpStatusCode.TooManyRequests,
            _ => false,
        };

    private static string FirstLine(Exception exception) =>
        exception is ToolException tool
            ? tool.Detail.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim()
                ?? tool.Message
            : exception.Message;

    [GeneratedRegex(
        @"connection refused|connection reset|broken pipe|i/o timeout|unexpected EOF|: EOF|TLS handshake timeout|\b50[0-4]\b|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|too many requests",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex TransientPattern();
}

/// <summary>The registry kept failing after bounded retries. Exits 1 with the message alone.</summary>
internal sealed class RegistryUnavailableException(string message)
    : Exception(message),
        IExplainedFailure;
