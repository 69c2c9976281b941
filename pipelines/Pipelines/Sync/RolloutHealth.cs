namespace Pipelines.Sync;

/// <summary>How an applied object is doing.</summary>
public enum Health
{
    Healthy,
    Progressing,
    Degraded,
}

/// <summary>
/// Rollout health from a live object's status, as <c>kubectl rollout status</c> judges it: Deployments,
/// StatefulSets and DaemonSets must have observed the current generation and have every replica updated and
/// available; Jobs must complete. Other kinds are healthy once applied.
/// </summary>
public static class RolloutHealth
{
    public static (Health Health, string Message) Evaluate(Dictionary<string, object?> live)
    {
        var kind = live.GetValueOrDefault("kind") as string;
        var metadata = live.GetValueOrDefault("metadata") as Dictionary<string, object?> ?? [];
        var spec = live.GetValueOrDefault("spec") as Dictionary<string, object?> ?? [];
        var status = live.GetValueOrDefault("status") as Dictionary<string, object?> ?? [];
        long Number(Dictionary<string, object?> map, string key, long fallback = 0) =>
            map.GetValueOrDefault(key) is long value ? value : fallback;

        if (
            kind is "Deployment" or "StatefulSet" or "DaemonSet"
            && Number(status, "observedGeneration", -1) < Number(metadata, "generation")
        )
        {
            return (Health.Progressing, "waiting for the controller to observe the new generation");
        }
        switch (kind)
        {
            case "Deployment":
                if (Condition(status, "Progressing") is { Status: "False" } stalled)
                {
                    return (
                        Health.Degraded,
                        $"rollout stalled: {stalled.Reason}: {stalled.Message}"
                    );
                }
                return Replicas(
                    Number(spec, "replicas", 1),
                    Number(status, "updatedReplicas"),
                    Number(status, "availableReplicas")
                );
            case "StatefulSet":
                return Replicas(
                    Number(spec, "replicas", 1),
                    Number(status, "updatedReplicas"),
                    Number(status, "readyReplicas")
                );
            case "DaemonSet":
                return Replicas(
                    Number(status, "desiredNumberScheduled"),
                    Number(status, "updatedNumberScheduled"),
                    Number(status, "numberAvailable")
                );
            case "Job":
                if (Condition(status, "Failed") is { Status: "True" } failed)
                {
                    return (Health.Degraded, $"job failed: {failed.Reason}: {failed.Message}");
                }
                var completions = Number(spec, "completions", 1);
                var succeeded = Number(status, "succeeded");
                return succeeded >= completions
                    ? (Health.Healthy, "completed")
                    : (Health.Progressing, $"{succeeded} of {completions} completions");
            default:
                return (Health.Healthy, "");
        }
    }

    private static (Health, string) Replicas(long wanted, long updated, long available) =>
        updated >= wanted && available >= wanted
            ? (Health.Healthy, $"{available}/{wanted} available")
            : (Health.Progressing, $"{updated}/{wanted} updated, {available}/{wanted} available");

    private static (string Status, string Reason, string Message)? Condition(
        Dictionary<string, object?> status,
        string type
    )
    {
        foreach (
            var condition in (status.GetValueOrDefault("conditions") as List<object?> ?? []).OfType<
                Dictionary<string, object?>
            >()
        )
        {
            if (condition.GetValueOrDefault("type") as string == type)
            {
                return (
                    condition.GetValueOrDefault("status") as string ?? "",
                    condition.GetValueOrDefault("reason") as string ?? "",
                    condition.GetValueOrDefault("message") as string ?? ""
                );
            }
        }
        return null;
    }
}
