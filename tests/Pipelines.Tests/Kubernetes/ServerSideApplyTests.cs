using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Kubernetes;

public sealed class ServerSideApplyTests
{
    [Fact]
    public async Task Apply_creates_a_deployment_owned_by_its_field_manager()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();

        // Act
        var created = await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);

        // Assert
        Assert.Equal(2, created.Spec.Replicas);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        var entry = Assert.Single(created.Metadata.ManagedFields);
        Assert.Equal("pipelines", entry.Manager);
        Assert.Equal("Apply", entry.Operation);
        Assert.Equal("FieldsV1", entry.FieldsType);
        var fields = JsonNode.Parse(KubernetesJson.Serialize(entry.FieldsV1))!;
        Assert.NotNull(fields["f:spec"]?["f:replicas"]);
        var container = fields["f:spec"]
            ?["f:template"]
            ?["f:spec"]
            ?["f:containers"]
            ?["k:{\"name\":\"main\"}"];
        Assert.Equal("{\".\":{},\"f:image\":{},\"f:name\":{}}", container?.ToJsonString());
    }

    [Fact]
    public async Task Reapplying_the_same_configuration_changes_nothing()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var first = await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);

        // Act
        var second = await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);

        // Assert
        Assert.Equal(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
        Assert.Equal(1, second.Metadata.Generation);
    }

    [Fact]
    public async Task A_changed_spec_bumps_generation_and_a_changed_label_does_not()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);

        // Act
        var relabelled = await Samples.ApplyDeploymentAsync(
            client,
            "default",
            "web",
            replicas: 2,
            team: "red"
        );
        var scaled = await Samples.ApplyDeploymentAsync(
            client,
            "default",
            "web",
            replicas: 5,
            team: "red"
        );

        // Assert
        Assert.Equal(1, relabelled.Metadata.Generation);
        Assert.Equal(2, scaled.Metadata.Generation);
        Assert.Equal(5, scaled.Spec.Replicas);
        Assert.True(
            long.Parse(scaled.Metadata.ResourceVersion)
                > long.Parse(relabelled.Metadata.ResourceVersion)
        );
    }

    [Fact]
    public async Task A_field_changed_by_another_manager_conflicts_and_names_the_field_and_manager()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);
        await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("{\"spec\":{\"replicas\":7}}", V1Patch.PatchType.MergePatch),
            "web",
            "default",
            fieldManager: "kubectl"
        );

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 3, force: false)
        );

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains(
            "Apply failed with 1 conflict: conflict with \\\"kubectl\\\" using apps/v1: .spec.replicas",
            error.Response.Content
        );
        Assert.Contains("FieldManagerConflict", error.Response.Content);
        Assert.Equal(
            7,
            (await client.AppsV1.ReadNamespacedDeploymentAsync("web", "default")).Spec.Replicas
        );
    }

    [Fact]
    public async Task Force_takes_ownership_of_the_conflicting_field()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2);
        server.PatchAs(
            "kubectl-client-side-apply",
            "apps/v1",
            "deployments",
            "default",
            "web",
            "{\"spec\":{\"replicas\":7}}"
        );

        // Act
        var forced = await Samples.ApplyDeploymentAsync(
            client,
            "default",
            "web",
            replicas: 3,
            force: true
        );

        // Assert
        Assert.Equal(3, forced.Spec.Replicas);
        Assert.DoesNotContain(
            forced.Metadata.ManagedFields,
            e => e.Manager == "kubectl-client-side-apply"
        );
        var conflictFree = await Samples.ApplyDeploymentAsync(
            client,
            "default",
            "web",
            replicas: 4,
            force: false
        );
        Assert.Equal(4, conflictFree.Spec.Replicas);
    }

    [Fact]
    public async Task Another_apply_manager_conflicts_too_and_equal_values_are_shared()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2, manager: "helm");

        // Act
        var shared = await Samples.ApplyDeploymentAsync(
            client,
            "default",
            "web",
            replicas: 2,
            manager: "pipelines",
            force: false
        );
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Samples.ApplyDeploymentAsync(
                client,
                "default",
                "web",
                replicas: 9,
                manager: "pipelines",
                force: false
            )
        );

        // Assert
        Assert.Equal(2, shared.Metadata.ManagedFields.Count);
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("conflict with \\\"helm\\\": .spec.replicas", error.Response.Content);
    }

    [Fact]
    public async Task A_field_the_manager_stops_applying_is_removed_unless_someone_else_owns_it()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 2, team: "red");
        server.PatchAs(
            "kubectl-edit",
            "apps/v1",
            "deployments",
            "default",
            "web",
            "{\"metadata\":{\"annotations\":{\"note\":\"x\"}}}"
        );

        // Act
        var dropped = await Samples.ApplyDeploymentAsync(
            client,
            "default",
            "web",
            replicas: null,
            team: null
        );

        // Assert
        Assert.Null(dropped.Spec.Replicas);
        Assert.False(dropped.Metadata.Labels.ContainsKey("team"));
        Assert.Equal("web", dropped.Metadata.Labels["app"]);
        Assert.Equal("x", dropped.Metadata.Annotations["note"]);
        Assert.Equal(2, dropped.Metadata.Generation);
    }

    [Fact]
    public async Task Containers_are_merged_by_name_and_a_dropped_container_is_removed()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var twoContainers = Samples.Deployment("default", "web", 1);
        twoContainers["spec"]!["template"]!["spec"]!["containers"]!
            .AsArray()
            .Add(new JsonObject { ["name"] = "sidecar", ["image"] = "envoy:1" });
        await Samples.ApplyAsync(client, twoContainers);
        server.PatchAs(
            "kubectl-edit",
            "apps/v1",
            "deployments",
            "default",
            "web",
            "{\"metadata\":{\"labels\":{\"edited\":\"yes\"}}}"
        );

        // Act
        var oneContainer = await Samples.ApplyAsync(
            client,
            Samples.Deployment("default", "web", 1, image: "nginx:1.28")
        );

        // Assert
        var container = Assert.Single(oneContainer.Spec.Template.Spec.Containers);
        Assert.Equal("nginx:1.28", container.Image);
        Assert.Equal("yes", oneContainer.Metadata.Labels["edited"]);
    }

    [Fact]
    public async Task Apply_without_a_field_manager_is_rejected_as_invalid()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.AppsV1.PatchNamespacedDeploymentAsync(
                new V1Patch(
                    Samples.Deployment("default", "web", 1).ToJsonString(),
                    V1Patch.PatchType.ApplyPatch
                ),
                "web",
                "default"
            )
        );

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains(
            "fieldManager: Required value: is required for apply patch",
            error.Response.Content
        );
    }

    [Fact]
    public async Task Concurrent_applies_all_land_with_distinct_resource_versions()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();

        // Act
        var applied = await Task.WhenAll(
            Enumerable
                .Range(0, 20)
                .Select(i =>
                    Samples.ApplyDeploymentAsync(client, "default", $"web-{i}", replicas: 1)
                )
        );
        var listed = await client.AppsV1.ListNamespacedDeploymentAsync("default");

        // Assert
        Assert.Equal(20, listed.Items.Count);
        Assert.Equal(20, applied.Select(d => d.Metadata.ResourceVersion).Distinct().Count());
    }
}
