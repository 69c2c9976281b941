namespace Pipelines.Helmfile.Manifests;

internal static partial class RemovedApis
{
    /// <summary>What changes on migration, after the deprecation guide's "notable changes".</summary>
    private static class Notes
    {
        internal const string AppsV1 =
            "spec.selector is required and immutable; use the existing template labels as the selector.";

        internal const string PodSecurityAdmission =
            "PodSecurityPolicy has no successor API. Enforce pod security with Pod Security Admission "
            + "(label namespaces pod-security.kubernetes.io/enforce=baseline or restricted) or a "
            + "third-party admission controller, and stop rendering the PodSecurityPolicy.";

        internal const string Webhooks =
            "webhooks[*].sideEffects and admissionReviewVersions are required; failurePolicy defaults to Fail.";

        internal const string Crd =
            "spec.scope is required and every version needs a structural spec.versions[*].schema.openAPIV3Schema.";

        internal const string Ingress =
            "spec.backend becomes spec.defaultBackend, serviceName/servicePort become "
            + "service.name/service.port, and every path needs a pathType.";

        internal const string Hpa =
            "targetAverageUtilization becomes target.averageUtilization with target.type Utilization.";

        internal const string Pdb =
            "An empty spec.selector now selects every pod in the namespace.";

        internal const string FlowControlV1Beta3 =
            "flowcontrol.apiserver.k8s.io/v1 is available from 1.29 and v1beta3 is removed in 1.32.";

        internal const string FlowControlV1 =
            "spec.limited.assuredConcurrencyShares is renamed to nominalConcurrencyShares.";

        internal const string FlowControlShares =
            "spec.limited.nominalConcurrencyShares defaults to 30 only when unset; an explicit 0 stays 0.";
    }
}
