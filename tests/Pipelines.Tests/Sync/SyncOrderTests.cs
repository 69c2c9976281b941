using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Sync;
using Pipelines.Tests.Sync.Diff;

namespace Pipelines.Tests.Sync;

public sealed class SyncOrderTests
{
    private static Dictionary<string, object?> Object(string kind, string name, string? wave = null)
    {
        var annotations = wave is null
            ? ""
            : $"\n  annotations: {{ pipelines/sync-wave: \"{wave}\" }}";
        return Manifests.FromYaml($"kind: {kind}\nmetadata:\n  name: {name}{annotations}\n");
    }

    [Fact]
    public void Namespaces_and_crds_come_first_then_waves_in_order_then_kinds_as_helm_installs_them()
    {
        // Arrange
        var objects = new[]
        {
            Object("Ingress", "web"),
            Object("ConfigMap", "late", wave: "5"),
            Object("Deployment", "web"),
            Object("Service", "web"),
            Object("ConfigMap", "settings"),
            Object("ServiceAccount", "web"),
            Object("ConfigMap", "early", wave: "-1"),
            Object("CustomResourceDefinition", "widgets.example.com", wave: "3"),
            Object("Namespace", "web", wave: "2"),
        };

        // Act
        var ordered = objects
            .OrderBy(SyncOrder.Key)
            .Select(o => $"{o["kind"]}/{((Dictionary<string, object?>)o["metadata"]!)["name"]}")
            .ToList();

        // Assert
        Assert.Equal(
            [
                "Namespace/web",
                "CustomResourceDefinition/widgets.example.com",
                "ConfigMap/early",
                "ServiceAccount/web",
                "ConfigMap/settings",
                "Service/web",
                "Deployment/web",
                "Ingress/web",
                "ConfigMap/late",
            ],
            ordered
        );
    }

    [Fact]
    public void The_argo_cd_wave_annotation_counts_when_the_pipelines_one_is_absent()
    {
        // Arrange
        var metadata = Manifests.FromYaml(
            "name: x\nannotations: { argocd.argoproj.io/sync-wave: \"-3\" }\n"
        );

        // Act
        var wave = SyncOrder.Wave(metadata);

        // Assert
        Assert.Equal(-3, wave);
    }

    [Fact]
    public void A_sync_wave_that_is_not_an_integer_is_a_usage_error_naming_the_object()
    {
        // Arrange
        var manifest = Object("ConfigMap", "broken-wave", wave: "first");

        // Act
        var error = Assert.Throws<UsageException>(() => SyncOrder.Key(manifest));

        // Assert
        Assert.Contains("broken-wave", error.Message);
        Assert.Contains("'first'", error.Message);
    }

    [Theory]
    [InlineData("networking.k8s.io/v1", "Ingress", "ingresses", true)]
    [InlineData("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true)]
    [InlineData("storage.k8s.io/v1", "StorageClass", "storageclasses", false)]
    [InlineData("v1", "Endpoints", "endpoints", true)]
    [InlineData("apps/v1", "Deployment", "deployments", true)]
    [InlineData("v1", "Namespace", "namespaces", false)]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false)]
    public void Built_in_kinds_get_kubernetes_plurals_and_scope(
        string apiVersion,
        string kind,
        string plural,
        bool namespaced
    )
    {
        // Arrange
        var (group, version) = ResourceTypeSplit(apiVersion);

        // Act
        var type = Pipelines.Sync.Kube.ResourceType.BuiltIn(apiVersion, kind);

        // Assert
        Assert.Equal(
            (group, version, kind, plural, namespaced),
            (type.Group, type.Version, type.Kind, type.Plural, type.Namespaced)
        );
        Assert.Equal(apiVersion, type.ApiVersion);
    }

    private static (string, string) ResourceTypeSplit(string apiVersion) =>
        apiVersion.Contains('/')
            ? (apiVersion.Split('/')[0], apiVersion.Split('/')[1])
            : ("", apiVersion);

    [Fact]
    public void Marking_adds_the_tracking_label_and_annotation_to_a_copy_and_leaves_the_input_alone()
    {
        // Arrange
        var manifest = Manifests.FromYaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels: { app: web }\n"
        );
        var before = Pipelines.Sync.Diff.JsonData.ToJson(manifest);

        // Act
        var marked = Tracking.Mark(manifest, "test", "test-1-35-green", "web");

        // Assert
        var metadata = (Dictionary<string, object?>)marked["metadata"]!;
        var labels = (Dictionary<string, object?>)metadata["labels"]!;
        Assert.Equal("test-1-35-green", labels[Tracking.ClusterLabel]);
        Assert.Equal("web", labels["app"]);
        Assert.Equal("test/test-1-35-green/web", Tracking.Of(marked));
        Assert.Equal(before, Pipelines.Sync.Diff.JsonData.ToJson(manifest));
        Assert.Null(Tracking.Of(manifest));
    }
}
