namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    private static readonly HashSet<string> Workloads =
    [
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "Job",
    ];

    /// <summary>
    /// Waits until every workload of a wave has rolled out, up to the timeout. A stalled rollout or a failed Job is
    /// Degraded at once; one still progressing at the timeout is Degraded with what it was waiting for. The live
    /// state Sync already holds answers first (an unchanged, healthy Deployment costs no request); after that each
    /// round reads the pending objects with one LIST per kind.
    /// </summary>
    private async Task WaitForHealthAsync(
        List<(Desired Item, int Index)> wave,
        Dictionary<Desired, Dictionary<string, object?>?> lives,
        List<ObjectReport> result,
        SyncProgress lines,
        CancellationToken cancellationToken
    )
    {
        var pending = wave.Where(p => NeedsRollout(p.Item) && result[p.Index].Health is null)
            .ToList();
        var deadline = DateTime.UtcNow + options.HealthTimeout;
        var cache = new LiveStateCache(api, clusterName);
        var known = pending.ToDictionary(p => p.Index, p => lives[p.Item]);
        while (pending.Count > 0)
        {
            foreach (var (item, index) in pending.ToList())
            {
                var live = known[index];
                var (health, message) = live is null
                    ? (Health.Degraded, "gone after apply")
                    : Evaluate(item, live);
                if (health != Health.Progressing)
                {
                    result[index] = result[index] with
                    {
                        Health = health,
                        Message = Join(result[index].Message, message),
                    };
                    pending.Remove((item, index));
                }
                else if (DateTime.UtcNow >= deadline)
                {
                    result[index] = result[index] with
                    {
                        Health = Health.Degraded,
                        Message = Join(
                            result[index].Message,
                            $"not healthy after {options.HealthTimeout.TotalSeconds:F0}s: {message}"
                        ),
                    };
                    pending.Remove((item, index));
                }
                else
                {
                    lines.Waiting(item.Type.Kind, item.Namespace, item.Name, message);
                }
            }
            lines.Show(result, pending.Count);
            if (pending.Count > 0)
            {
                await Task.Delay(options.HealthPollInterval, cancellationToken);
                var read = await cache.ReadAsync(
                    pending.Select(p => Location(p.Item)).ToList(),
                    cancellationToken
                );
                for (var i = 0; i < pending.Count; i++)
                {
                    known[pending[i].Index] = read[i];
                }
            }
        }
        lines.Done();
        foreach (var (_, index) in wave)
        {
            if (
                result[index].Health is null
                && result[index].Status is not (SyncStatus.Extraneous or SyncStatus.NotManaged)
            )
            {
                result[index] = result[index] with { Health = Health.Healthy };
            }
        }
    }

    /// <summary>Workloads roll out; a hook Pod must run to completion.</summary>
    private static bool NeedsRollout(Desired item) =>
        Workloads.Contains(item.Type.Kind) || (item.Hook is not null && item.Type.Kind == "Pod");

    private static (Health Health, string Message) Evaluate(
        Desired item,
        Dictionary<string, object?> live
    ) =>
        item.Hook is not null && item.Type.Kind == "Pod"
            ? RolloutHealth.EvaluateHookPod(live)
            : RolloutHealth.Evaluate(live);
}
