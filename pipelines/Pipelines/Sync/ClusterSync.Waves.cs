namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    private const int ConcurrentApplies = 8;

    /// <summary>
    /// Applies in waves, as Argo CD does: Namespaces and CRDs, PreSync hooks, the chart's objects by sync wave,
    /// PostSync hooks. A wave starts only when every object of the previous one is applied and healthy; objects
    /// within a wave go concurrently. Hooks run only when the sync changes something, as an automated Argo CD
    /// sync runs only when the application is Out Of Sync.
    /// </summary>
    private async Task<List<ObjectReport>> ApplyAsync(
        List<Desired> desired,
        Dictionary<Desired, Dictionary<string, object?>?> lives,
        List<ObjectReport> reports,
        CancellationToken cancellationToken
    )
    {
        var result = reports.ToList();
        var changes = desired
            .Select((item, index) => (item, index))
            .Any(p => p.item.Hook is null && NeedsApply(result[p.index]));
        var waves = desired
            .Select((item, index) => (item, index))
            .Where(p => p.item.Hook is null || changes)
            .GroupBy(p =>
                (SyncOrder.Key(p.item.Manifest).Phase, SyncOrder.Key(p.item.Manifest).Wave)
            )
            .OrderBy(g => g.Key)
            .ToList();
        var lines = new SyncProgress(clusterName);
        foreach (var wave in waves)
        {
            await Parallel.ForEachAsync(
                wave.Where(p => p.item.Hook is not null || NeedsApply(result[p.index])),
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = ConcurrentApplies,
                    CancellationToken = cancellationToken,
                },
                async (pair, token) =>
                {
                    var (report, live) = pair.item.Hook is null
                        ? await ApplyOneAsync(
                            pair.item,
                            lives[pair.item],
                            result[pair.index],
                            token
                        )
                        : await RunHookAsync(pair.item, result[pair.index], token);
                    lock (result)
                    {
                        result[pair.index] = report;
                        lives[pair.item] = live ?? lives[pair.item];
                    }
                    lines.Applied();
                }
            );
            if (!options.DryRun && !result.Any(r => r.Health == Health.Degraded))
            {
                await WaitForHealthAsync(wave.ToList(), lives, result, lines, cancellationToken);
            }
            if (!options.DryRun)
            {
                await CleanUpHooksAsync(wave.ToList(), result, cancellationToken);
            }
            if (result.Any(r => r.Health == Health.Degraded))
            {
                // A later wave may depend on this one: it is not applied.
                foreach (
                    var (item, index) in waves.SkipWhile(w => w != wave).Skip(1).SelectMany(w => w)
                )
                {
                    if (item.Hook is not null || NeedsApply(result[index]))
                    {
                        result[index] = result[index] with
                        {
                            Message = Join(
                                result[index].Message,
                                "not applied: an earlier wave failed or did not become healthy"
                            ),
                        };
                    }
                }
                break;
            }
        }
        return result;
    }

    private static bool NeedsApply(ObjectReport report) =>
        report.Status is SyncStatus.Missing or SyncStatus.OutOfSync;
}
