namespace Pipelines.Sync;

public sealed partial class ClusterSync
{
    private static readonly HashSet<string> Workloads =
    [
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "Job",
    ];

    /// <summary>
    /// Waits until every applied workload has rolled out, up to the timeout. A stalled rollout or a failed Job is
    /// Degraded at once; one still progressing at the timeout is Degraded with what it was waiting for.
    /// </summary>
    private async Task<List<ObjectReport>> WaitForHealthAsync(
        List<Desired> desired,
        List<ObjectReport> reports,
        CancellationToken cancellationToken
    )
    {
        var result = reports.ToList();
        var pending = desired
            .Select((item, index) => (item, index))
            .Where(p => Workloads.Contains(p.item.Type.Kind) && result[p.index].Health is null)
            .ToList();
        var deadline = DateTime.UtcNow + options.HealthTimeout;
        while (pending.Count > 0)
        {
            foreach (var (item, index) in pending.ToList())
            {
                var live = await api.GetAsync(
                    item.Type,
                    item.Namespace,
                    item.Name,
                    cancellationToken
                );
                var (health, message) = live is null
                    ? (Health.Degraded, "gone after apply")
                    : RolloutHealth.Evaluate(live);
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
            }
            if (pending.Count > 0)
            {
                await Task.Delay(options.HealthPollInterval, cancellationToken);
            }
        }
        for (var i = 0; i < result.Count; i++)
        {
            if (
                result[i].Health is null
                && result[i].Status is not (SyncStatus.Extraneous or SyncStatus.NotManaged)
            )
            {
                result[i] = result[i] with { Health = Health.Healthy };
            }
        }
        return result;
    }
}
