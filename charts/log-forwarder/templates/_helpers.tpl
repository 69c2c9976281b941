{{/*
Names and labels. Every object, pods included, carries tier: management: it is installed by SRE
into each cluster, and selectors and policies tell management applications apart by it.
*/}}

{{- define "log-forwarder.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "log-forwarder.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "log-forwarder.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "log-forwarder.selectorLabels" . }}
app.kubernetes.io/version: {{ default .Chart.AppVersion .Values.image.tag | toString | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: log-forwarder
tier: management
{{- end }}

{{- define "log-forwarder.selectorLabels" -}}
app.kubernetes.io/name: {{ include "log-forwarder.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "log-forwarder.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "log-forwarder.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "repository@digest" when a digest pins the image, else "repository:tag". */}}
{{- define "log-forwarder.image" -}}
{{- with .Values.image.digest }}
{{- if not (regexMatch "^sha256:[a-f0-9]{64}$" .) }}
{{- fail (printf "image.digest %q is not a digest: expected sha256: followed by 64 lowercase hex digits" .) }}
{{- end }}
{{- printf "%s@%s" $.Values.image.repository . }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}
{{- end }}

{{/*
Container logs under /var/log/containers link into /var/lib/docker/containers while the node
runs Docker through dockershim, which Kubernetes removed in 1.24.
*/}}
{{- define "log-forwarder.mountDockerContainers" -}}
{{- if and .Values.hostPaths.dockerContainers (semverCompare "<1.24-0" .Capabilities.KubeVersion.Version) -}}
true
{{- end -}}
{{- end }}

{{/* One [OUTPUT] section: Name and Match first, then the other keys in sorted order. */}}
{{- define "log-forwarder.output" -}}
[OUTPUT]
    Name  {{ required "every entry of config.outputs needs a name (the Fluent Bit output plugin)" .name }}
    Match {{ .match | default "kube.*" }}
{{- range $key, $value := omit . "name" "match" }}
{{- if and (kindIs "float64" $value) (eq $value (floor $value)) }}
{{- $value = int64 $value }}
{{- end }}
    {{ $key }} {{ $value }}
{{- end }}
{{- end }}
