using Pipelines.Sync.Diff;
using static Pipelines.Tests.Sync.Diff.Manifests;

namespace Pipelines.Tests.Sync.Diff;

public class ApiServerDeploymentTests
{
    private const string Desired = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
          namespace: shop
          labels:
            app.kubernetes.io/name: checkout
            app.kubernetes.io/managed-by: Helm
          annotations: {}
        spec:
          replicas: 2
          selector:
            matchLabels:
              app.kubernetes.io/name: checkout
          template:
            metadata:
              labels:
                app.kubernetes.io/name: checkout
            spec:
              serviceAccountName: checkout
              securityContext: {}
              containers:
                - name: checkout
                  image: "registry.example.com/checkout:2.3.0"
                  ports:
                    - name: http
                      containerPort: 8080
                  readinessProbe:
                    httpGet:
                      path: /healthz
                      port: http
                  resources:
                    limits:
                      cpu: 1000m
                      memory: 1024Mi
                    requests:
                      cpu: 0.25
                      memory: 256Mi
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              volumes:
                - name: tmp
                  emptyDir: {}
        """;

    private const string Live = """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "annotations": {
              "deployment.kubernetes.io/revision": "3",
              "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"}\n",
              "meta.helm.sh/release-name": "checkout"
            },
            "creationTimestamp": "2025-03-02T09:14:27Z",
            "generation": 3,
            "labels": {"app.kubernetes.io/managed-by": "Helm", "app.kubernetes.io/name": "checkout"},
            "managedFields": [
              {
                "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "manager": "helm", "operation": "Update",
                "fieldsV1": {"f:spec": {"f:replicas": {}, "f:template": {"f:spec": {"f:containers": {}}}}},
                "time": "2025-03-02T09:14:27Z"
              },
              {
                "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "manager": "kube-controller-manager",
                "operation": "Update", "subresource": "status", "time": "2025-03-02T09:15:02Z",
                "fieldsV1": {"f:status": {"f:availableReplicas": {}, "f:conditions": {}}}
              }
            ],
            "name": "checkout",
            "namespace": "shop",
            "resourceVersion": "912834",
            "uid": "5d1c1a3e-8e3f-4a43-9d7c-0f3a9b2c6e71"
          },
          "spec": {
            "progressDeadlineSeconds": 600,
            "replicas": 2,
            "revisionHistoryLimit": 10,
            "selector": {"matchLabels": {"app.kubernetes.io/name": "checkout"}},
            "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}, "type": "RollingUpdate"},
            "template": {
              "metadata": {"creationTimestamp": null, "labels": {"app.kubernetes.io/name": "checkout"}},
              "spec": {
                "containers": [
                  {
                    "image": "registry.example.com/checkout:2.3.0",
                    "imagePullPolicy": "IfNotPresent",
                    "name": "checkout",
                    "ports": [{"containerPort": 8080, "name": "http", "protocol": "TCP"}],
                    "readinessProbe": {
                      "failureThreshold": 3,
                      "httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTP"},
                      "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1
                    },
                    "resources": {
                      "limits": {"cpu": "1", "memory": "1Gi"},
                      "requests": {"cpu": "250m", "memory": "256Mi"}
                    },
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File",
                    "volumeMounts": [{"mountPath": "/tmp", "name": "tmp"}]
                  }
                ],
                "dnsPolicy": "ClusterFirst",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "securityContext": {},
                "serviceAccount": "checkout",
                "serviceAccountName": "checkout",
                "terminationGracePeriodSeconds": 30,
                "volumes": [{"emptyDir": {}, "name": "tmp"}]
              }
            }
          },
          "status": {
            "availableReplicas": 2,
            "conditions": [
              {
                "lastTransitionTime": "2025-03-02T09:15:02Z", "lastUpdateTime": "2025-03-02T09:15:02Z",
                "message": "Deployment has minimum availability.", "reason": "MinimumReplicasAvailable",
                "status": "True", "type": "Available"
              }
            ],
            "observedGeneration": 3,
            "readyReplicas": 2,
            "replicas": 2,
            "updatedReplicas": 2
          }
        }
        """;

    [Fact]
    public void A_deployment_as_the_api_server_returns_it_is_in_sync_with_its_rendered_manifest()
    {
        // Arrange
        var desired = FromYaml(Desired);
        var live = JsonData.ParseObject(Live);

        // Act
        var diff = DriftComparer.Compare(desired, live, [], "apps/Deployment shop/checkout");

        // Assert
        Assert.True(diff.InSync, string.Join(", ", diff.ChangedPaths) + "\n" + diff.UnifiedDiff);
        Assert.Equal("", diff.UnifiedDiff);
    }

    [Fact]
    public void A_volume_source_swapped_by_hand_is_drift_even_though_the_desired_source_is_an_empty_map()
    {
        // Arrange
        var live = JsonData.ParseObject(
            Live.Replace(
                "{\"emptyDir\": {}, \"name\": \"tmp\"}",
                "{\"hostPath\": {\"path\": \"/var/tmp\"}, \"name\": \"tmp\"}",
                StringComparison.Ordinal
            )
        );

        // Act
        var diff = DriftComparer.Compare(
            FromYaml(Desired),
            live,
            [],
            "apps/Deployment shop/checkout"
        );

        // Assert
        Assert.Equal([".spec.template.spec.volumes[name=tmp].emptyDir"], diff.ChangedPaths);
        Assert.Contains("-      - name: tmp\n+      - emptyDir: {}\n", diff.UnifiedDiff);
    }

    [Fact]
    public void Comparing_one_object_many_times_is_deterministic()
    {
        // Arrange
        var desired = FromYaml(Desired);
        var live = JsonData.ParseObject(Live.Replace("2.3.0", "2.2.9", StringComparison.Ordinal));

        // Act
        var results = Enumerable
            .Range(0, 50)
            .Select(_ => DriftComparer.Compare(desired, live, [], "x"))
            .ToList();

        // Assert
        Assert.All(results, r => Assert.Equal(results[0].UnifiedDiff, r.UnifiedDiff));
        Assert.Equal(
            [".spec.template.spec.containers[name=checkout].image"],
            results[0].ChangedPaths
        );
    }
}
