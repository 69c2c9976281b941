namespace Pipelines.Helmfile.Manifests;

/// <summary>
/// Which kinds are cluster-scoped. Built-in kinds are known by kind alone; a few widely used CRDs
/// are known by group and kind, because CRD kind names are not unique across groups.
/// Anything not listed is treated as namespaced, as most custom resources are.
/// </summary>
internal static class ResourceScope
{
    private static readonly HashSet<string> BuiltInClusterScoped = new(StringComparer.Ordinal)
    {
        // core
        "ComponentStatus",
        "Namespace",
        "Node",
        "PersistentVolume",
        // admissionregistration.k8s.io
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
        "MutatingAdmissionPolicy",
        "MutatingAdmissionPolicyBinding",
        "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding",
        // apiextensions.k8s.io, apiregistration.k8s.io
        "CustomResourceDefinition",
        "APIService",
        // authentication.k8s.io, authorization.k8s.io (LocalSubjectAccessReview is namespaced)
        "TokenReview",
        "SelfSubjectReview",
        "SubjectAccessReview",
        "SelfSubjectAccessReview",
        "SelfSubjectRulesReview",
        // certificates.k8s.io
        "CertificateSigningRequest",
        "ClusterTrustBundle",
        // flowcontrol.apiserver.k8s.io
        "FlowSchema",
        "PriorityLevelConfiguration",
        // internal.apiserver.k8s.io, storagemigration.k8s.io
        "StorageVersion",
        "StorageVersionMigration",
        // networking.k8s.io
        "IngressClass",
        "IPAddress",
        "ServiceCIDR",
        // node.k8s.io, policy, scheduling.k8s.io
        "RuntimeClass",
        "PodSecurityPolicy",
        "PriorityClass",
        // rbac.authorization.k8s.io
        "ClusterRole",
        "ClusterRoleBinding",
        // resource.k8s.io
        "DeviceClass",
        "ResourceSlice",
        // storage.k8s.io (CSIStorageCapacity is namespaced)
        "CSIDriver",
        "CSINode",
        "StorageClass",
        "VolumeAttachment",
        "VolumeAttributesClass",
    };

    private static readonly HashSet<string> CustomClusterScoped = new(StringComparer.Ordinal)
    {
        "gateway.networking.k8s.io/GatewayClass",
        "cert-manager.io/ClusterIssuer",
        "karpenter.sh/NodePool",
        "karpenter.sh/NodeClaim",
        "karpenter.k8s.aws/EC2NodeClass",
        "external-secrets.io/ClusterSecretStore",
        "external-secrets.io/ClusterExternalSecret",
        "kyverno.io/ClusterPolicy",
        "keda.sh/ClusterTriggerAuthentication",
        "templates.gatekeeper.sh/ConstraintTemplate",
    };

    private static readonly HashSet<string> BuiltInGroups =
    [
        "",
        "apps",
        "batch",
        "autoscaling",
        "policy",
        "networking.k8s.io",
        "rbac.authorization.k8s.io",
        "apiextensions.k8s.io",
        "storage.k8s.io",
        "scheduling.k8s.io",
        "admissionregistration.k8s.io",
        "apiregistration.k8s.io",
        "coordination.k8s.io",
        "discovery.k8s.io",
        "node.k8s.io",
        "certificates.k8s.io",
        "flowcontrol.apiserver.k8s.io",
        "events.k8s.io",
    ];

    /// <summary>
    /// True for the API groups Kubernetes itself serves (<c>""</c> is core); any other group belongs to a custom
    /// resource, whose schema only its CRD knows.
    /// </summary>
    public static bool IsBuiltInGroup(string group) => BuiltInGroups.Contains(group);

    /// <summary>True when objects of this kind live outside namespaces.</summary>
    /// <param name="apiVersion">E.g. <c>rbac.authorization.k8s.io/v1</c>; the group picks out known CRDs.</param>
    /// <param name="kind">E.g. <c>ClusterRole</c>.</param>
    public static bool IsClusterScoped(string apiVersion, string kind)
    {
        if (BuiltInClusterScoped.Contains(kind))
        {
            return true;
        }
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && CustomClusterScoped.Contains($"{apiVersion[..slash]}/{kind}");
    }
}
