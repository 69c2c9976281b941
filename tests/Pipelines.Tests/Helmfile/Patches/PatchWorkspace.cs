using Pipelines.Clusters;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Tests.Helmfile.Patches;

/// <summary>
/// A workspace with a small local chart (a Deployment with two containers, a Service, a ConfigMap, a custom
/// Widget and, when <c>raw</c> is set, a document that is not a Kubernetes object) and a helmfile with one release
/// <c>demo</c> in namespace <c>apps</c>, rendered with real helm for one 1.35 cluster.
/// </summary>
internal sealed class PatchWorkspace : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public PatchWorkspace()
    {
        _workspace.Write("charts/demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
        _workspace.Write("charts/demo/values.yaml", "raw: \"\"\n");
        _workspace.Write(
            "charts/demo/templates/deployment.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}
              labels:
                app: {{ .Release.Name }}
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: {{ .Release.Name }}
              template:
                metadata:
                  labels:
                    app: {{ .Release.Name }}
                spec:
                  containers:
                    - name: app
                      image: nginx:1.25
                      ports:
                        - containerPort: 8080
                      env:
                        - name: MODE
                          value: blue
                      volumeMounts:
                        - name: data
                          mountPath: /data
                    - name: sidecar
                      image: busybox:1.36
                  volumes:
                    - name: data
                      emptyDir: {}
            """
        );
        _workspace.Write(
            "charts/demo/templates/service.yaml",
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ .Release.Name }}
            spec:
              selector:
                app: {{ .Release.Name }}
              ports:
                - name: http
                  port: 80
                  targetPort: 8080
            """
        );
        _workspace.Write(
            "charts/demo/templates/configmap.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-config
            data:
              a: "1"
            """
        );
        _workspace.Write(
            "charts/demo/templates/widget.yaml",
            """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: {{ .Release.Name }}
            spec:
              parts:
                - name: wheel
                  size: 1
                - name: axle
                  size: 2
              tags: [a, b]
            """
        );
        _workspace.Write(
            "charts/demo/templates/raw.yaml",
            "{{- if .Values.raw }}\nenvName: {{ .Values.raw }}\n{{- end }}\n"
        );
    }

    public string Root => _workspace.Root;

    /// <summary>Writes a file relative to the workspace (patch files go under helmfile/).</summary>
    public void Write(string relativePath, string content) =>
        _workspace.Write(relativePath, content);

    /// <summary>The helmfile: release demo with <paramref name="releaseFields"/> (YAML, indented 4 spaces) added.</summary>
    public void Release(string releaseFields, string values = "")
    {
        var fields = string.Join(
            "\n",
            releaseFields
                .ReplaceLineEndings("\n")
                .Split('\n')
                .Select(l => l.Length == 0 ? l : "    " + l)
        );
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\n---\nreleases:\n  - name: demo\n    namespace: apps\n    chart: ../charts/demo\n"
                + (values.Length == 0 ? "" : $"    values:\n      - {values}\n")
                + fields
                + "\n"
        );
    }

    public async Task<RenderedRelease> RenderAsync(bool checkRemovedApis = true) =>
        (await RenderResultAsync(checkRemovedApis)).Clusters.Single().Releases.Single();

    public async Task<RenderResult> RenderResultAsync(bool checkRemovedApis = true)
    {
        var renderer = new HelmfileRenderer(
            _workspace.Root,
            HelmfileWorkspace.Templates(),
            references: null
        )
        {
            ToolsDirectory = HelmfileWorkspace.SharedTools,
            CheckRemovedApis = checkRemovedApis,
        };
        var result = await renderer.RenderAsync(
            _workspace.Root / "helmfile" / "helmfile.yaml",
            [Cluster],
            new RenderOptions("test", null, [], NeedsGraph.Include.None),
            CancellationToken.None
        );
        return result;
    }

    public static ClusterDefinition Cluster { get; } =
        new()
        {
            Name = "test-1-35-green",
            Environment = "test",
            KubernetesVersion = "1.35",
            Region = "ap-northeast-1",
            KubeContext = "test-1-35-green",
            Color = ClusterColor.Green,
            State = ClusterState.Active,
        };

    public void Dispose() => _workspace.Dispose();
}

/// <summary>Reading rendered objects in assertions.</summary>
internal static class Rendered
{
    public static ManifestObject Object(
        this RenderedRelease release,
        string kind,
        string? name = null
    ) => release.Objects.Single(o => o.Kind == kind && (name is null || o.Name == name));

    /// <summary>The value at a dotted path (<c>spec.template.spec.containers.0.image</c>).</summary>
    public static object? At(this ManifestObject manifest, string path)
    {
        object? current = manifest.Data;
        foreach (var step in path.Split('.'))
        {
            current = current switch
            {
                Dictionary<string, object?> map => map.GetValueOrDefault(step),
                List<object?> list when int.TryParse(step, out var index) && index < list.Count =>
                    list[index],
                _ => null,
            };
        }
        return current;
    }
}
