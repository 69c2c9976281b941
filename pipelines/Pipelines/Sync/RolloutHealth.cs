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
        if (Behind(deployment.Metadata, deployment.Status?.ObservedGeneration))
        {
            return Unobserved;
        }
        if (
            deployment.Status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing") is
            { Status: "False" } stalled
        )
        {
            return (Health.Degraded, $"rollout stalled: {stalled.Reason}: {stalled.Message}");
        }
        return Replicas(
            deployment.Spec?.Replicas ?? 1,
            deployment.Status?.UpdatedReplicas ?? 0,
            deployment.Status?.AvailableReplicas ?? 0
        );
    }

    public static (Health Health, string Message) Evaluate(V1StatefulSet statefulSet) =>
        Behind(statefulSet.Metadata, statefulSet.Status?.ObservedGeneration)
            ? Unobserved
            : Replicas(
                statefulSet.Spec?.Replicas ?? 1,
                statefulSet.Status?.UpdatedReplicas ?? 0,
                statefulSet.Status?.ReadyReplicas ?? 0
            );

    public static (Health Health, string Message) Evaluate(V1DaemonSet daemonSet) =>
        Behind(daemonSet.Metadata, daemonSet.Status?.ObservedGeneration)
            ? Unobserved
            : Replicas(
                daemonSet.Status?.DesiredNumberScheduled ?? 0,
                daemonSet.Status?.UpdatedNumberScheduled ?? 0,
                daemonSet.Status?.NumberAvailable ?? 0
            );

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

    private static (Health, string) Replicas(long wanted, long updated, long available) =>
        updated >= wanted && available >= wanted
            ? (Health.Healthy, $"{available}/{wanted} available")
            : (Health.Progressing, $"{updated}/{wanted} updated, {available}/{wanted} available");

    private static T Typed<T>(Dictionary<string, object?> live) =>
        KubernetesJson.Deserialize<T>(JsonData.ToJson(live));
}
