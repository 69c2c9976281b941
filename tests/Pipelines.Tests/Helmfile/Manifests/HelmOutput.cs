namespace Pipelines.Tests.Helmfile.Manifests;

/// <summary>Output of <c>helm template web charts/web --namespace apps</c>, as helm prints it.</summary>
internal static class HelmOutput
{
    public const string Web = """
        ---
        # Source: web/templates/serviceaccount.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
            app.kubernetes.io/instance: web
        ---
        # Source: web/templates/clusterrole.yaml
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: web-reader
        rules:
          - apiGroups: [""]
            resources: ["pods"]
            verbs: ["get", "list", "watch"]
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: edge
        spec:
          type: ClusterIP
          ports:
            - port: 80
              targetPort: http
              protocol: TCP
              name: http
          selector:
            app.kubernetes.io/name: web
        ---
        # Source: web/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app.kubernetes.io/name: web
          template:
            metadata:
              labels:
                app.kubernetes.io/name: web
            spec:
              containers:
                - name: web
                  image: "nginx:1.27"
                  args:
                    - |
                      multi-line
                      argument
        """;

    /// <summary>A chart that renders one object of <paramref name="apiVersion"/> <paramref name="kind"/>.</summary>
    public static string Single(string apiVersion, string kind, string name = "web") =>
        $"""
            ---
            # Source: web/templates/object.yaml
            apiVersion: {apiVersion}
            kind: {kind}
            metadata:
              name: {name}
            """;
}
