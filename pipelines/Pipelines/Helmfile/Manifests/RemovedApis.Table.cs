namespace Pipelines.Helmfile.Manifests;

internal static partial class RemovedApis
{
    // One row per removed apiVersion: removed in, apiVersion, replacement, note, kinds.
    // csharpier-ignore
    private static IEnumerable<RemovedApi> Table() =>
        [
            // v1.16
            .. Removed("1.16", "extensions/v1beta1", "networking.k8s.io/v1", null, "NetworkPolicy"),
            .. Removed("1.16", "extensions/v1beta1", "apps/v1", Notes.AppsV1, "DaemonSet", "Deployment", "ReplicaSet"),
            .. Removed("1.16", "apps/v1beta1", "apps/v1", Notes.AppsV1, "Deployment", "StatefulSet", "ReplicaSet"),
            .. Removed("1.16", "apps/v1beta2", "apps/v1", Notes.AppsV1, "DaemonSet", "Deployment", "StatefulSet", "ReplicaSet"),
            .. Removed("1.16", "extensions/v1beta1", "policy/v1beta1", "policy/v1beta1 is itself removed in 1.25.", "PodSecurityPolicy"),
            // v1.22
            .. Removed("1.22", "admissionregistration.k8s.io/v1beta1", "admissionregistration.k8s.io/v1", Notes.Webhooks, "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"),
            .. Removed("1.22", "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1", Notes.Crd, "CustomResourceDefinition"),
            .. Removed("1.22", "apiregistration.k8s.io/v1beta1", "apiregistration.k8s.io/v1", null, "APIService"),
            .. Removed("1.22", "authentication.k8s.io/v1beta1", "authentication.k8s.io/v1", null, "TokenReview"),
            .. Removed("1.22", "authorization.k8s.io/v1beta1", "authorization.k8s.io/v1", "spec.group is renamed to spec.groups.", "LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview"),
            .. Removed("1.22", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1", "spec.signerName and spec.usages are required.", "CertificateSigningRequest"),
            .. Removed("1.22", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1", null, "Lease"),
            .. Removed("1.22", "extensions/v1beta1", "networking.k8s.io/v1", Notes.Ingress, "Ingress"),
            .. Removed("1.22", "networking.k8s.io/v1beta1", "networking.k8s.io/v1", Notes.Ingress, "Ingress"),
            .. Removed("1.22", "networking.k8s.io/v1beta1", "networking.k8s.io/v1", null, "IngressClass"),
            .. Removed("1.22", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1", null, "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"),
            .. Removed("1.22", "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1", null, "PriorityClass"),
            .. Removed("1.22", "storage.k8s.io/v1beta1", "storage.k8s.io/v1", null, "CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"),
            // v1.25
            .. Removed("1.25", "batch/v1beta1", "batch/v1", null, "CronJob"),
            .. Removed("1.25", "discovery.k8s.io/v1beta1", "discovery.k8s.io/v1", "Use per-endpoint nodeName and zone instead of topology.", "EndpointSlice"),
            .. Removed("1.25", "events.k8s.io/v1beta1", "events.k8s.io/v1", "involvedObject is renamed to regarding; type is Normal or Warning.", "Event"),
            .. Removed("1.25", "autoscaling/v2beta1", "autoscaling/v2", Notes.Hpa, "HorizontalPodAutoscaler"),
            .. Removed("1.25", "policy/v1beta1", "policy/v1", Notes.Pdb, "PodDisruptionBudget"),
            .. Removed("1.25", "policy/v1beta1", "", Notes.PodSecurityAdmission, "PodSecurityPolicy"),
            .. Removed("1.25", "node.k8s.io/v1beta1", "node.k8s.io/v1", null, "RuntimeClass"),
            // v1.26
            .. Removed("1.26", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta3", Notes.FlowControlV1Beta3, "FlowSchema", "PriorityLevelConfiguration"),
            .. Removed("1.26", "autoscaling/v2beta2", "autoscaling/v2", null, "HorizontalPodAutoscaler"),
            // v1.27
            .. Removed("1.27", "storage.k8s.io/v1beta1", "storage.k8s.io/v1", null, "CSIStorageCapacity"),
            // v1.29
            .. Removed("1.29", "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1", Notes.FlowControlV1, "FlowSchema", "PriorityLevelConfiguration"),
            // v1.32
            .. Removed("1.32", "flowcontrol.apiserver.k8s.io/v1beta3", "flowcontrol.apiserver.k8s.io/v1", Notes.FlowControlShares, "FlowSchema", "PriorityLevelConfiguration"),
        ];
}
