namespace Pipelines.TestServers.GitHub;

/// <summary>
/// A fault the fake GitHub injects: the next <see cref="Times"/> requests (null: all) whose method matches and
/// whose path starts with <see cref="PathPrefix"/> are answered with <see cref="Status"/> and GitHub's body for
/// it: 500/503 JSON, 502 GitHub's HTML error page, 429 a secondary rate limit with Retry-After, 403 the primary
/// rate limit with <c>X-RateLimit-Remaining: 0</c>, 422 "Validation Failed" with <see cref="Message"/> as the detail.
/// </summary>
public sealed record GitHubFault(int Status, string? Method = null, string PathPrefix = "/")
{
    public int? Times { get; init; } = 1;

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>How long to wait before answering, e.g. longer than the client's timeout.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Serve the request first (its change is made) and then answer with the fault: a lost answer.</summary>
    public bool AfterServing { get; init; }

    /// <summary>GitHub's message to send instead of the usual one for <see cref="Status"/>.</summary>
    public string? Message { get; init; }
}

/// <summary>The active faults; the first with uses left that matches takes the request. Thread-safe.</summary>
internal sealed class GitHubFaults
{
    private readonly Lock _gate = new();
    private readonly List<(GitHubFault Fault, int? Left)> _faults = [];

    public void Add(GitHubFault fault)
    {
        lock (_gate)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public GitHubFault? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                if (
                    left is not <= 0
                    && path.StartsWith(fault.PathPrefix, StringComparison.Ordinal)
                    && (
                        fault.Method is null
                        || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase)
                    )
                )
                {
                    _faults[i] = (fault, left - 1);
                    return fault;
                }
            }
            return null;
        }
    }
}
