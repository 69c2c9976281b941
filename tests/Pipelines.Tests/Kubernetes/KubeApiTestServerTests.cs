using k8s;
using k8s.Autorest;
using k8s.Models;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Kubernetes;

public sealed class KubeApiTestServerTests
{
    [Fact]
    public async Task Discovery_lists_the_built_in_groups_and_resources()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();

        // Act
        var versions = await client.CoreV1.GetAPIResourcesAsync();
        var groups = await client.Apis.GetAPIVersionsAsync();
        var apps = await client.AppsV1.GetAPIResourcesAsync();

        // Assert
        var configMaps = Assert.Single(versions.Resources, r => r.Name == "configmaps");
        Assert.True(configMaps.Namespaced);
        Assert.Equal("ConfigMap", configMaps.Kind);
        Assert.Contains("patch", configMaps.Verbs);
        Assert.Contains(versions.Resources, r => r.Name == "namespaces" && !r.Namespaced);
        Assert.Contains(groups.Groups, g => g.Name == "rbac.authorization.k8s.io");
        Assert.Contains(
            groups.Groups,
            g => g.Name == "autoscaling" && g.PreferredVersion.Version == "v2"
        );
        Assert.Contains(
            apps.Resources,
            r => r.Name == "deployments" && r.SingularName == "deployment"
        );
        Assert.Contains(apps.Resources, r => r.Name == "deployments/status");
    }

    [Fact]
    public async Task A_kubeconfig_file_loads_through_the_real_client_configuration()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        server.WriteKubeconfig(path, "stage-eu");

        try
        {
            // Act
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(
                path,
                "stage-eu"
            );
            using var client = new k8s.Kubernetes(configuration);
            var namespaces = await client.CoreV1.ListNamespaceAsync();

            // Assert
            Assert.Equal(server.BaseUri.ToString().TrimEnd('/'), configuration.Host.TrimEnd('/'));
            Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Listing_filters_by_label_selector_across_namespaces()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(
            new V1Namespace { Metadata = new V1ObjectMeta { Name = "shop" } }
        );
        await Samples.ApplyDeploymentAsync(client, "shop", "web", replicas: 2, team: "red");
        await Samples.ApplyDeploymentAsync(client, "default", "api", replicas: 1, team: "blue");
        await Samples.ApplyDeploymentAsync(client, "default", "worker", replicas: 1, team: null);

        // Act
        var red = await client.AppsV1.ListDeploymentForAllNamespacesAsync(
            labelSelector: "team=red"
        );
        var notRed = await client.AppsV1.ListDeploymentForAllNamespacesAsync(
            labelSelector: "team!=red"
        );
        var chosen = await client.AppsV1.ListNamespacedDeploymentAsync(
            "default",
            labelSelector: "team in (blue,green),app"
        );
        var withoutTeam = await client.AppsV1.ListDeploymentForAllNamespacesAsync(
            labelSelector: "!team"
        );
        var notBlue = await client.AppsV1.ListDeploymentForAllNamespacesAsync(
            labelSelector: "team notin (blue)"
        );

        // Assert
        Assert.Equal(["web"], red.Items.Select(d => d.Metadata.Name));
        Assert.Equal(["api", "worker"], notRed.Items.Select(d => d.Metadata.Name));
        Assert.Equal(["api"], chosen.Items.Select(d => d.Metadata.Name));
        Assert.Equal(["worker"], withoutTeam.Items.Select(d => d.Metadata.Name));
        Assert.Equal(["worker", "web"], notBlue.Items.Select(d => d.Metadata.Name));
        Assert.False(string.IsNullOrEmpty(red.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task A_deleted_object_is_then_not_found()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 1);

        // Act
        var status = await client.AppsV1.DeleteNamespacedDeploymentAsync(
            "web",
            "default",
            propagationPolicy: "Foreground"
        );
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.AppsV1.ReadNamespacedDeploymentAsync("web", "default")
        );
        var again = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.AppsV1.DeleteNamespacedDeploymentAsync("web", "default")
        );

        // Assert
        Assert.Equal("Success", status.Status);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Contains("deployments.apps \\\"web\\\" not found", error.Response.Content);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, again.Response.StatusCode);
    }

    [Fact]
    public async Task Dry_run_answers_as_if_done_but_stores_nothing()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await Samples.ApplyDeploymentAsync(client, "default", "kept", replicas: 1);

        // Act
        var applied = await Samples.ApplyDeploymentAsync(
            client,
            "default",
            "web",
            replicas: 3,
            dryRun: "All"
        );
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } },
            "default",
            dryRun: "All"
        );
        await client.AppsV1.DeleteNamespacedDeploymentAsync("kept", "default", dryRun: "All");

        // Assert
        Assert.Equal(3, applied.Spec.Replicas);
        Assert.Equal("settings", created.Metadata.Name);
        Assert.Null(server.GetObject("apps/v1", "deployments", "default", "web"));
        Assert.Null(server.GetObject("v1", "configmaps", "default", "settings"));
        Assert.NotNull(server.GetObject("apps/v1", "deployments", "default", "kept"));
    }

    [Fact]
    public async Task Writing_into_a_missing_namespace_is_not_found_like_the_real_server()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Samples.ApplyDeploymentAsync(client, "nowhere", "web", replicas: 1)
        );

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Contains("namespaces \\\"nowhere\\\" not found", error.Response.Content);
        Assert.Contains("\"kind\":\"Status\"", error.Response.Content);
    }

    [Fact]
    public async Task The_status_hook_simulates_a_rollout_without_bumping_generation()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var applied = await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);

        // Act
        server.SetStatus(
            "apps/v1",
            "deployments",
            "default",
            "web",
            new V1DeploymentStatus
            {
                ObservedGeneration = 1,
                ReadyReplicas = 2,
                UpdatedReplicas = 2,
                Replicas = 2,
            }
        );
        var read = await client.AppsV1.ReadNamespacedDeploymentStatusAsync("web", "default");
        var reapplied = await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);

        // Assert
        Assert.Equal(2, read.Status.ReadyReplicas);
        Assert.Equal(1, read.Status.ObservedGeneration);
        Assert.Equal(applied.Metadata.Generation, read.Metadata.Generation);
        Assert.NotEqual(applied.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal(2, reapplied.Status.ReadyReplicas);
    }
}
