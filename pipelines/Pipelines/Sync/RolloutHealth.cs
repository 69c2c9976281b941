using k8s;
using k8s.Models;
using Pipelines.Sync.Diff;

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
/// available; Jobs must complete; a hook Pod must exit. Other kinds are healthy once applied. Sync holds live
/// objects as plain data (it compares them field by field); health reads them through KubernetesClient's models.
/// </summary>
internal static class RolloutHealth
{
    /// <summary>The health of a live object Sync read, by its kind.</summary>
    public static (Health Health, string Message) Evaluate(Dictionary<string, object?> live) =>
        live.GetValueOrDefault("kind") switch
        {
            "Deployment" => Evaluate(Typed<V1Deployment>(live)),
            "StatefulSet" => Evaluate(Typed<V1StatefulSet>(live)),
            "DaemonSet" => Evaluate(Typed<V1DaemonSet>(live)),
            "Job" => Evaluate(Typed<V1Job>(live)),
            _ => (Health.Healthy, ""),
        };

    /// <summary>A hook Pod is done when it exited: Succeeded is healthy, Failed is degraded.</summary>
    public static (Health Health, string Message) EvaluateHookPod(
        Dictionary<string, object?> live
    ) => Evaluate(Typed<V1Pod>(live));

    public static (Health Health, string Message) Evaluate(V1Deployment deployment)
    {
        var status = deployment.Status;
        if (
            !Behind(deployment.Metadata, status?.ObservedGeneration)
            && status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing")
                is { Status: "False" } stalled
        )
        {
            return (Health.Degraded, $"rollout stalled: {stalled.Reason}: {stalled.Message}");
        }
        return Rollout(
            deployment.Metadata,
            status?.ObservedGeneration,
            (deployment.Spec?.Replicas ?? 1, status?.UpdatedReplicas, status?.AvailableReplicas)
        );
    }

    public static (Health Health, string Message) Evaluate(V1StatefulSet statefulSet) =>
        Rollout(
            statefulSet.Metadata,
            statefulSet.Status?.ObservedGeneration,
            (
                statefulSet.Spec?.Replicas ?? 1,
                statefulSet.Status?.UpdatedReplicas,
                statefulSet.Status?.ReadyReplicas
            )
        );

    /// <summary>A DaemonSet wants one pod per node it schedules onto.</summary>
    public static (Health Health, string Message) Evaluate(V1DaemonSet daemonSet)
    {
        var status = daemonSet.Status;
        return Rollout(
            daemonSet.Metadata,
            status?.ObservedGeneration,
            (
                status?.DesiredNumberScheduled ?? 0,
                status?.UpdatedNumberScheduled,
                status?.NumberAvailable
            )
        );
    }

    public static (Health Health, string Message) Evaluate(V1Job job)
    {
        if (
            job.Status?.Conditions?.FirstOrDefault(c => c.Type == "Failed") is
            { Status: "True" } failed
        )
        {
            return (Health.Degraded, $"job failed: {failed.Reason}: {failed.Message}");
        }
        var completions = job.Spec?.Completions ?? 1;
        var succeeded = job.Status?.Succeeded ?? 0;
        return succeeded >= completions
            ? (Health.Healthy, "completed")
            : (Health.Progressing, $"{succeeded} of {completions} completions");
    }

    public static (Health Health, string Message) Evaluate(V1Pod pod) =>
        pod.Status?.Phase switch
        {
            "Succeeded" => (Health.Healthy, "completed"),
            "Failed" => (Health.Degraded, $"pod failed: {pod.Status.Message}"),
            var phase => (Health.Progressing, $"pod {phase ?? "Pending"}"),
        };

    private static readonly (Health, string) Unobserved = (
        Health.Progressing,
        "waiting for the controller to observe the new generation"
    );

    /// <summary>The controller has not yet seen the latest spec, so its status describes an older one.</summary>
    private static bool Behind(V1ObjectMeta? metadata, long? observedGeneration) =>
        (observedGeneration ?? -1) < (metadata?.Generation ?? 0);

    /// <summary>
    /// The rule every replicated workload shares: once the controller has observed the current spec, every wanted
    /// replica must be updated and available (StatefulSets count ready ones).
    /// </summary>
    private static (Health, string) Rollout(
        V1ObjectMeta? metadata,
        long? observedGeneration,
        (long Wanted, long? Updated, long? Available) replicas
    )
    {
        if (Behind(metadata, observedGeneration))
        {
            return Unobserved;
        }
        var (wanted, updated, available) = (
            replicas.Wanted,
            replicas.Updated ?? 0,
            replicas.Available ?? 0
        );
        return updated >= wanted && available >= wanted
            ? (Health.Healthy, $"{available}/{wanted} available")
            : (Health.Progressing, $"{updated}/{wanted} updated, {available}/{wanted} available");
    }

    private static T Typed<T>(Dictionary<string, object?> live) =>
        KubernetesJson.Deserialize<T>(JsonData.ToJson(live));
}
