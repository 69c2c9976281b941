using Pipelines.Engine;

namespace Pipelines.Sync;

/// <summary>
/// One cluster's line while Sync waits for rollouts: objects applied, healthy and waiting, and the object that has
/// waited longest, with what it waits for. Through <see cref="Log.Progress"/>: live on a terminal, a plain line now
/// and then in CI.
/// </summary>
internal sealed class SyncProgress(string cluster)
{
    private readonly Dictionary<string, DateTime> _waitingSince = [];
    private readonly List<(string Name, string Message)> _round = [];
    private int _applied;

    public void Applied() => Interlocked.Increment(ref _applied);

    /// <summary>An object still waiting this round.</summary>
    public void Waiting(string kind, string? ns, string name, string message)
    {
        var label = ns is null ? $"{kind} {name}" : $"{kind} {ns}/{name}";
        _waitingSince.TryAdd(label, DateTime.UtcNow);
        _round.Add((label, message));
    }

    /// <summary>Shows the round's state; nothing when nothing waits.</summary>
    public void Show(IReadOnlyList<ObjectReport> result, int waiting)
    {
        if (waiting > 0 && _round.Count > 0)
        {
            var slowest = _round.MinBy(w => _waitingSince[w.Name]);
            var seconds = (DateTime.UtcNow - _waitingSince[slowest.Name]).TotalSeconds;
            Log.Progress(
                cluster,
                $"{cluster}: {_applied} applied, {result.Count(r => r.Health == Health.Healthy)} healthy, "
                    + $"{waiting} waiting; slowest: {slowest.Name} ({slowest.Message}, {seconds:F0}s)"
            );
        }
        _round.Clear();
    }

    public void Done() => Log.ProgressDone(cluster);
}
