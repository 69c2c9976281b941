using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Sync.Diff;

/// <summary>Small desired/live pairs built from YAML, so tests read like the manifests they stand for.</summary>
internal static class Manifests
{
    public static Dictionary<string, object?> FromYaml(string text) =>
        YamlData.ParseMapping(text, "test.yaml");

    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: web
          labels:
            team: payments
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: registry.example.com/web:1.4.2
                  args: ["--port", "8080"]
                  ports:
                    - containerPort: 8080
                  resources:
                    limits:
                      cpu: 1000m
                      memory: 1Gi
                    requests:
                      cpu: 0.5
                      memory: 512Mi
                  env:
                    - name: MODE
                      value: production
                    - name: LOG_LEVEL
                      value: info
                - name: proxy
                  image: envoyproxy/envoy:v1.31.0
        """;

    /// <summary>What the API server hands back for <see cref="Deployment"/>: defaults, status, bookkeeping.</summary>
    public const string LiveDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: web
          uid: 0b6f3c7e-1111-4c1e-9a57-5d0f3c0e2a11
          resourceVersion: "48213"
          generation: 4
          creationTimestamp: "2025-01-10T10:00:00Z"
          labels:
            team: payments
          annotations:
            deployment.kubernetes.io/revision: "4"
        spec:
          replicas: 3
          revisionHistoryLimit: 10
          progressDeadlineSeconds: 600
          selector:
            matchLabels:
              app: web
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: 25%
              maxUnavailable: 25%
          template:
            metadata:
              creationTimestamp: null
              labels:
                app: web
            spec:
              dnsPolicy: ClusterFirst
              restartPolicy: Always
              schedulerName: default-scheduler
              terminationGracePeriodSeconds: 30
              containers:
                - name: proxy
                  image: envoyproxy/envoy:v1.31.0
                  imagePullPolicy: IfNotPresent
                  terminationMessagePath: /dev/termination-log
                - name: web
                  image: registry.example.com/web:1.4.2
                  imagePullPolicy: IfNotPresent
                  args: ["--port", "8080"]
                  ports:
                    - containerPort: 8080
                      protocol: TCP
                  resources:
                    limits:
                      cpu: "1"
                      memory: 1Gi
                    requests:
                      cpu: 500m
                      memory: 512Mi
                  env:
                    - name: LOG_LEVEL
                      value: info
                    - name: MODE
                      value: production
                  terminationMessagePath: /dev/termination-log
                  terminationMessagePolicy: File
        status:
          replicas: 3
          readyReplicas: 3
          observedGeneration: 4
        """;
}
