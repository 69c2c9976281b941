using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Kubernetes;

/// <summary>What the KubernetesClient cannot send, checked over plain HTTP.</summary>
public sealed class RawProtocolTests
{
    [Fact]
    public async Task Apply_accepts_a_yaml_body_as_kubectl_sends_it()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels:
                app: web
            data:
              replicas: "3"
              debug: "false"
            """;
        using var content = new StringContent(yaml, Encoding.UTF8, "application/apply-patch+yaml");

        // Act
        using var response = await http.PatchAsync(
            "api/v1/namespaces/default/configmaps/settings?fieldManager=kubectl&force=true",
            content
        );
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("3", (string?)body["data"]?["replicas"]);
        Assert.Equal("kubectl", (string?)body["metadata"]?["managedFields"]?[0]?["manager"]);
    }

    [Fact]
    public async Task A_json_patch_is_refused_as_an_unsupported_media_type()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } },
            "default"
        );

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.PatchNamespacedConfigMapAsync(
                new V1Patch(
                    "[{\"op\":\"add\",\"path\":\"/data\",\"value\":{}}]",
                    V1Patch.PatchType.JsonPatch
                ),
                "settings",
                "default"
            )
        );

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
    }

    [Fact]
    public async Task Replacing_with_a_stale_resource_version_conflicts()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } },
            "default"
        );
        created.Data = new Dictionary<string, string> { ["a"] = "1" };
        var updated = await client.CoreV1.ReplaceNamespacedConfigMapAsync(
            created,
            "settings",
            "default"
        );

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "default")
        );

        // Assert
        Assert.Equal("1", updated.Data["a"]);
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("the object has been modified", error.Response.Content);
    }
}
