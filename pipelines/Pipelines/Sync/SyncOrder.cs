using Pipelines.Failures;

namespace Pipelines.Sync;

/// <summary>
/// The order objects are applied in: Namespaces and CustomResourceDefinitions first (everything else may need
/// them), then PreSync hooks by <c>helm.sh/hook-weight</c>, then the chart's objects by sync wave (the <c>pipelines/sync-wave</c> annotation, or Argo CD's, an integer, default 0),
/// then by kind in the order helm installs them, then by namespace and name; PostSync hooks come last.
/// </summary>
internal static class SyncOrder
{
    public const string WaveAnnotation = "pipelines/sync-wave";
    public const string ArgoWaveAnnotation = "argocd.argoproj.io/sync-wave";

    private static readonly string[] KindOrder =
    [
        "Namespace",
        "NetworkPolicy",
        "ResourceQuota",
        "LimitRange",
        "PodSecurityPolicy",
        "PodDisruptionBudget",
        "ServiceAccount",
        "Secret",
        "ConfigMap",
        "StorageClass",
        "PersistentVolume",
        "PersistentVolumeClaim",
        "CustomResourceDefinition",
        "ClusterRole",
        "ClusterRoleBinding",
        "Role",
        "RoleBinding",
        "Service",
        "DaemonSet",
        "Pod",
        "ReplicationController",
        "ReplicaSet",
        "Deployment",
        "HorizontalPodAutoscaler",
        "StatefulSet",
        "Job",
        "CronJob",
        "IngressClass",
        "Ingress",
        "APIService",
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
    ];

    public static (int Phase, int Wave, int Kind, string Namespace, string Name) Key(
        Dictionary<string, object?> manifest
    )
    {
        var kind = manifest.GetValueOrDefault("kind") as string ?? "";
        var metadata = manifest.GetValueOrDefault("metadata") as Dictionary<string, object?> ?? [];
        // Namespaces and CRDs, then PreSync hooks, then the chart's objects, then PostSync hooks (as Argo CD).
        var hook = HookPhases.Of(manifest);
        var phase = hook?.Phase switch
        {
            HookPhase.PreSync => 1,
            HookPhase.PostSync => 3,
            _ => kind is "Namespace" or "CustomResourceDefinition" ? 0 : 2,
        };
        var index = Array.IndexOf(KindOrder, kind);
        return (
            phase,
            hook?.Weight ?? Wave(metadata),
            index < 0 ? KindOrder.Length : index,
            metadata.GetValueOrDefault("namespace") as string ?? "",
            metadata.GetValueOrDefault("name") as string ?? ""
        );
    }

    /// <summary>The wave of an object; a value that is not an integer is an error naming the object.</summary>
    public static int Wave(Dictionary<string, object?> metadata)
    {
        var annotations =
            metadata.GetValueOrDefault("annotations") as Dictionary<string, object?> ?? [];
        var text = (
            annotations.GetValueOrDefault(WaveAnnotation)
            ?? annotations.GetValueOrDefault(ArgoWaveAnnotation)
        )?.ToString();
        if (text is null)
        {
            return 0;
        }
        return int.TryParse(text, out var wave)
            ? wave
            : throw new Failures.UsageException(
                $"{metadata.GetValueOrDefault("name")}: sync-wave '{text}' is not an integer (e.g. \"-1\", \"0\", \"5\")."
            );
    }
}
