{{/*
Kubernetes version differences, in one place. Each helper answers from the cluster's version
(.Capabilities.KubeVersion: the live cluster on install, --kube-version with helm template), or
from the API list when the cluster advertises the newer API (.Capabilities.APIVersions: discovery
on install, --api-versions with helm template). The "-0" suffix lets pre-release versions such
as EKS's v1.33.1-eks-4f4795d compare as the release they belong to.
*/}}

{{/* Ingress: networking.k8s.io/v1 from 1.19 (v1beta1 removed in 1.22). */}}
{{- define "app.ingress.apiVersion" -}}
{{- if or (semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version) (.Capabilities.APIVersions.Has "networking.k8s.io/v1/Ingress") -}}
networking.k8s.io/v1
{{- else -}}
networking.k8s.io/v1beta1
{{- end -}}
{{- end }}

{{/* spec.ingressClassName and paths[].pathType exist from 1.18 (also in v1beta1). */}}
{{- define "app.ingress.hasClassNameAndPathType" -}}
{{- if or (semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version) (.Capabilities.APIVersions.Has "networking.k8s.io/v1/Ingress") -}}
true
{{- end -}}
{{- end }}

{{/* HorizontalPodAutoscaler: autoscaling/v2 from 1.23 (v2beta2 removed in 1.26). */}}
{{- define "app.hpa.apiVersion" -}}
{{- if or (semverCompare ">=1.23-0" .Capabilities.KubeVersion.Version) (.Capabilities.APIVersions.Has "autoscaling/v2/HorizontalPodAutoscaler") -}}
autoscaling/v2
{{- else -}}
autoscaling/v2beta2
{{- end -}}
{{- end }}

{{/* PodDisruptionBudget: policy/v1 from 1.21 (v1beta1 removed in 1.25). */}}
{{- define "app.pdb.apiVersion" -}}
{{- if or (semverCompare ">=1.21-0" .Capabilities.KubeVersion.Version) (.Capabilities.APIVersions.Has "policy/v1/PodDisruptionBudget") -}}
policy/v1
{{- else -}}
policy/v1beta1
{{- end -}}
{{- end }}

{{/* PodDisruptionBudget spec.unhealthyPodEvictionPolicy: beta and on by default from 1.27. */}}
{{- define "app.pdb.hasUnhealthyPodEvictionPolicy" -}}
{{- if semverCompare ">=1.27-0" .Capabilities.KubeVersion.Version -}}
true
{{- end -}}
{{- end }}

{{/* Pod securityContext.seccompProfile: a field from 1.19, an annotation before. */}}
{{- define "app.pod.hasSeccompProfileField" -}}
{{- if semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version -}}
true
{{- end -}}
{{- end }}
