using System.Net;
using k8s.Autorest;

namespace Pipelines.Sync;

public sealed partial class ClusterSync
{
    private const int ConcurrentApplies = 8;

    /// <summary>Applies in order: each wave (Namespaces and CRDs first) finishes before the next starts; objects within one go concurrently.</summary>
    private async Task<List<ObjectReport>> ApplyAsync(
        List<Desired> desired,
        Dictionary<Desired, Dictionary<string, object?>?> lives,
        List<ObjectReport> reports,
        CancellationToken cancellationToken
    )
    {
        var byIndex = reports.ToList();
        var waves = desired
            .Select((item, index) => (item, index))
            .Where(p => byIndex[p.index].Status is SyncStatus.Missing or SyncStatus.OutOfSync)
            .GroupBy(p =>
                (SyncOrder.Key(p.item.Manifest).Phase, SyncOrder.Key(p.item.Manifest).Wave)
            )
            .OrderBy(g => g.Key);
        foreach (var wave in waves)
        {
            await Parallel.ForEachAsync(
                wave,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = ConcurrentApplies,
                    CancellationToken = cancellationToken,
                },
                async (pair, token) =>
                {
                    var result = await ApplyOneAsync(
                        pair.item,
                        lives[pair.item],
                        byIndex[pair.index],
                        token
                    );
                    lock (byIndex)
                    {
                        byIndex[pair.index] = result;
                    }
                }
            );
            if (byIndex.Any(r => r.Health == Health.Degraded))
            {
                break; // a later wave may depend on this one
            }
        }
        return byIndex;
    }

    private async Task<ObjectReport> ApplyOneAsync(
        Desired item,
        Dictionary<string, object?>? live,
        ObjectReport before,
        CancellationToken cancellationToken
    )
    {
        var ours =
            live is not null
            && Tracking.Of(live)?.StartsWith($"{environment}/", StringComparison.Ordinal) == true;
        var adopted =
            live is not null
            && Tracking
                .Of(live)
                ?.StartsWith($"{environment}/{clusterName}/", StringComparison.Ordinal) != true;
        // --adopt takes the object over, as helm's adoption does: fields other managers set follow Git from now on.
        var force = options.ForceConflicts ?? (live is null || ours || adopted);
        try
        {
            await api.ApplyAsync(item.Manifest, force, options.DryRun, cancellationToken);
            return options.DryRun
                ? before with
                {
                    Message = Join(before.Message, "would apply (server dry run accepted)"),
                }
                : before with
                {
                    Status = SyncStatus.Synced,
                    Message = Join(
                        before.Message,
                        before.Status == SyncStatus.Missing ? "created"
                            : adopted ? "adopted (--adopt)"
                            : "applied"
                    ),
                };
        }
        catch (HttpOperationException exception)
            when (options.DryRun
                && exception.Response.StatusCode == HttpStatusCode.NotFound
                && item.Namespace is not null
            )
        {
            // A dry run creates no namespace, so the server cannot place objects in one this sync would create.
            return before with
            {
                Message = Join(
                    before.Message,
                    $"would apply once namespace {item.Namespace} exists"
                ),
            };
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode
                    is HttpStatusCode.Conflict
                        or HttpStatusCode.UnprocessableEntity
                        or HttpStatusCode.BadRequest
                        or HttpStatusCode.Forbidden
                        or HttpStatusCode.NotFound
            )
        {
            var answer = Status(exception.Response.Content);
            var hint =
                exception.Response.StatusCode == HttpStatusCode.Conflict && !force
                    ? " (another field manager owns these fields; pass --force-conflicts to take them)"
                    : "";
            return before with
            {
                Health = Health.Degraded,
                Message = $"apply failed: {answer}{hint}",
            };
        }
        catch (HttpOperationException exception) when ((int)exception.Response.StatusCode >= 500)
        {
            // Still failing after the retries: the cluster fails, and the error names the object it stopped at.
            throw new InvalidOperationException(
                $"applying {item.Type.Kind} {item.Namespace}/{item.Name} failed after retries: the API server answered "
                    + $"{(int)exception.Response.StatusCode}: {Status(exception.Response.Content)}",
                exception
            );
        }
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : $"{first}; {second}";

    /// <summary>The message of a Kubernetes Status answer, or the raw text.</summary>
    private static string Status(string? content)
    {
        try
        {
            var data = Diff.JsonData.ParseObject(content ?? "{}");
            return data.GetValueOrDefault("message") as string ?? content ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return content ?? "";
        }
    }
}
