using Polly;
using Polly.Retry;

namespace Pipelines.Engine;

/// <summary>How often and how long a retried operation is tried: attempts in all, the first wait, the longest wait.</summary>
internal sealed record RetryBounds(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>
    /// A call to a remote service (the Kubernetes API, a registry, GitHub) that failed for a passing reason: 6
    /// attempts, waits doubling from 250 ms up to 8 s, about 4 s of waiting in all; enough to ride out a throttle
    /// or a restarting server, short enough that a service that is really down fails the job quickly.
    /// </summary>
    public static RetryBounds RemoteCall { get; } =
        new(6, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(8));
}

/// <summary>
/// The one place retry pipelines (Polly) are built: bounded attempts, exponential waits with full jitter (a random
/// wait up to the doubling cap, so callers that failed together spread out instead of colliding again), and one
/// warning per retry saying what failed, why, and which attempt comes next. Callers say only what is retryable:
/// that differs (a 409 is a hiccup for one call and an answer for another).
/// </summary>
internal static class Retries
{
    /// <summary>A pipeline that retries the exceptions <paramref name="isTransient"/> accepts.</summary>
    /// <param name="what">Names the operation in the log: "Registry call", "GitHub call to ... in ...".</param>
    /// <param name="bounds">Attempts and waits; remote calls use <see cref="RetryBounds.RemoteCall"/>.</param>
    /// <param name="isTransient">Whether a failure may pass on its own; anything else fails at once.</param>
    /// <param name="describe">The short reason logged for a failure; the exception's message when null.</param>
    /// <param name="delayOverride">A wait the other side asked for (Retry-After), used instead of the backoff.</param>
    public static ResiliencePipeline For(
        string what,
        RetryBounds bounds,
        Func<Exception, bool> isTransient,
        Func<Exception, string>? describe = null,
        Func<Exception, TimeSpan?>? delayOverride = null
    ) =>
        new ResiliencePipelineBuilder()
            .AddRetry(
                new RetryStrategyOptions
                {
                    ShouldHandle = args =>
                        ValueTask.FromResult(args.Outcome.Exception is { } e && isTransient(e)),
                    MaxRetryAttempts = bounds.MaxAttempts - 1,
                    DelayGenerator = args =>
                        ValueTask.FromResult<TimeSpan?>(
                            (args.Outcome.Exception is { } e ? delayOverride?.Invoke(e) : null)
                                ?? FullJitter(bounds, args.AttemptNumber)
                        ),
                    OnRetry = args =>
                    {
                        var reason = args.Outcome.Exception is { } e
                            ? describe?.Invoke(e) ?? e.Message
                            : "unknown error";
                        LogRetry(
                            message => Log.Warning(message),
                            what,
                            reason,
                            args.AttemptNumber,
                            bounds,
                            args.RetryDelay
                        );
                        return ValueTask.CompletedTask;
                    },
                }
            )
            .Build();

    /// <summary>
    /// A pipeline that retries while <paramref name="retry"/> says the result is not final (a push that lost a race).
    /// Logged as information: losing a race to another writer is routine, not a failure.
    /// </summary>
    public static ResiliencePipeline<T> ForResult<T>(
        string what,
        RetryBounds bounds,
        Func<T, bool> retry,
        Func<T, string> describe
    ) =>
        new ResiliencePipelineBuilder<T>()
            .AddRetry(
                new RetryStrategyOptions<T>
                {
                    ShouldHandle = args =>
                        ValueTask.FromResult(
                            args.Outcome.Exception is null && retry(args.Outcome.Result!)
                        ),
                    MaxRetryAttempts = bounds.MaxAttempts - 1,
                    DelayGenerator = args =>
                        ValueTask.FromResult<TimeSpan?>(FullJitter(bounds, args.AttemptNumber)),
                    OnRetry = args =>
                    {
                        LogRetry(
                            Log.Info,
                            what,
                            describe(args.Outcome.Result!),
                            args.AttemptNumber,
                            bounds,
                            args.RetryDelay
                        );
                        return ValueTask.CompletedTask;
                    },
                }
            )
            .Build();

    /// <summary>A random wait up to <c>FirstDelay · 2^retry</c>, never above <c>MaxDelay</c>.</summary>
    internal static TimeSpan FullJitter(RetryBounds bounds, int retry) =>
        TimeSpan.FromMilliseconds(
            Random.Shared.NextDouble()
                * Math.Min(
                    bounds.MaxDelay.TotalMilliseconds,
                    bounds.FirstDelay.TotalMilliseconds * Math.Pow(2, retry)
                )
        );

    // Polly's AttemptNumber is the attempt that just failed, counted from 0: the next one is that plus 2.
    private static void LogRetry(
        Action<string> log,
        string what,
        string reason,
        int failedAttempt,
        RetryBounds bounds,
        TimeSpan delay
    ) =>
        log(
            $"{what} failed ({reason}); attempt {failedAttempt + 2} of {bounds.MaxAttempts} in {delay.TotalMilliseconds:0} ms"
        );
}
