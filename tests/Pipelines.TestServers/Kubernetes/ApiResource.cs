namespace Pipelines.TestServers.Kubernetes;

/// <summary>One resource type the fake API server serves, as discovery describes it.</summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="HasStatus">Whether a <c>/status</c> subresource exists (status is then not set by apply).</param>
public sealed record ApiResource(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    bool HasStatus,
    IReadOnlyList<string> ShortNames
)
{
    /// <summary>The verbs served (watch and deletecollection are not implemented by the fake).</summary>
    public static IReadOnlyList<string> Verbs { get; } =
    ["create", "delete", "get", "list", "patch", "update"];

    /// <summary><c>v1</c> or <c>apps/v1</c>.</summary>
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>configmaps</c> or <c>deployments.apps</c>, as error messages name a resource.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}

/// <summary>The built-in resource types a new fake cluster serves.</summary>
internal static class BuiltInResources
{
    public static ApiResource Namespaces { get; } =
        Core("namespaces", "Namespace", false, true, "ns");

    public static ApiResource CustomResourceDefinitions { get; } =
        new(
            "apiextensions.k8s.io",
            "v1",
            "customresourcedefinitions",
            "customresourcedefinition",
            "CustomResourceDefinition",
            false,
            true,
            ["crd", "crds"]
        );

    public static IReadOnlyList<ApiResource> All { get; } =
    [
        Namespaces,
        Core("configmaps", "ConfigMap", true, false, "cm"),
        Core("secrets", "Secret", true, false),
        Core("services", "Service", true, true, "svc"),
        Core("serviceaccounts", "ServiceAccount", true, false, "sa"),
        Core("pods", "Pod", true, true, "po"),
        Core("persistentvolumeclaims", "PersistentVolumeClaim", true, true, "pvc"),
        Of("apps", "v1", "deployments", "Deployment", true, true, "deploy"),
        Of("apps", "v1", "daemonsets", "DaemonSet", true, true, "ds"),
        Of("apps", "v1", "statefulsets", "StatefulSet", true, true, "sts"),
        Of("apps", "v1", "replicasets", "ReplicaSet", true, true, "rs"),
        Of("batch", "v1", "jobs", "Job", true, true),
        Of("batch", "v1", "cronjobs", "CronJob", true, true, "cj"),
        Of("networking.k8s.io", "v1", "ingresses", "Ingress", true, true, "ing"),
        Of("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, false, "netpol"),
        Of(
            "autoscaling",
            "v2",
            "horizontalpodautoscalers",
            "HorizontalPodAutoscaler",
            true,
            true,
            "hpa"
        ),
        Of("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, true, "pdb"),
        // Leases: Sync's one-writer-per-cluster lock (create; update with resourceVersion conflicts).
        Of("coordination.k8s.io", "v1", "leases", "Lease", true, false),
        Of("rbac.authorization.k8s.io", "v1", "roles", "Role", true, false),
        Of("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, false),
        Of("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, false),
        Of(
            "rbac.authorization.k8s.io",
            "v1",
            "clusterrolebindings",
            "ClusterRoleBinding",
            false,
            false
        ),
        CustomResourceDefinitions,
    ];

    private static ApiResource Core(
        string plural,
        string kind,
        bool namespaced,
        bool hasStatus,
        params string[] shortNames
    ) => Of("", "v1", plural, kind, namespaced, hasStatus, shortNames);

    private static ApiResource Of(
        string group,
        string version,
        string plural,
        string kind,
        bool namespaced,
        bool hasStatus,
        params string[] shortNames
    ) =>
        new(
            group,
            version,
            plural,
            kind.ToLowerInvariant(),
            kind,
            namespaced,
            hasStatus,
            shortNames
        );
}
