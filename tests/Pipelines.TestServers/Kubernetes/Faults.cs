namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// A fault the fake API server injects into matching requests: answer with <see cref="StatusCode"/>
/// (404, 409, 429 with Retry-After, 500, 503, ...) and/or wait <see cref="Delay"/> first, for the next
/// <see cref="Times"/> matching requests or, when it is null, always.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Matches request paths starting with this, e.g. <c>/apis/apps/v1/namespaces/shop/deployments</c>.</summary>
    public string PathPrefix { get; init; } = "/";

    /// <summary>HTTP method to match (GET, PATCH, ...); null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>The status code to answer with; null only delays and then serves the request.</summary>
    public int? StatusCode { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>How many matching requests the rule applies to; null for always.</summary>
    public int? Times { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Runs before the request is served: another writer getting in between a client's read and its write.</summary>
    public Func<Task>? Before { get; init; }

    /// <summary>Runs <paramref name="action"/> just before the next matching request is served, then serves it.</summary>
    public static FaultRule Interleave(
        Func<Task> action,
        string pathPrefix = "/",
        string? method = null,
        int? times = 1
    ) =>
        new()
        {
            Before = action,
            PathPrefix = pathPrefix,
            Method = method,
            Times = times,
        };

    public static FaultRule Answer(
        int statusCode,
        string pathPrefix = "/",
        string? method = null,
        int? times = 1
    ) =>
        new()
        {
            StatusCode = statusCode,
            PathPrefix = pathPrefix,
            Method = method,
            Times = times,
        };

    public static FaultRule Slow(
        TimeSpan delay,
        string pathPrefix = "/",
        string? method = null,
        int? times = null
    ) =>
        new()
        {
            Delay = delay,
            PathPrefix = pathPrefix,
            Method = method,
            Times = times,
        };
}

/// <summary>The active fault rules; the first matching rule with uses left takes each request. Thread-safe.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int? Left)> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add((rule, rule.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, left) = _rules[i];
                var matches =
                    path.StartsWith(rule.PathPrefix, StringComparison.Ordinal)
                    && (
                        rule.Method is null
                        || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)
                    );
                if (!matches || left <= 0)
                {
                    continue;
                }
                _rules[i] = (rule, left - 1);
                return rule;
            }
            return null;
        }
    }
}
