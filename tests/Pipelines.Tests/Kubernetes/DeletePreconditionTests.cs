using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Kubernetes;

public sealed class DeletePreconditionTests
{
    [Fact]
    public async Task A_delete_naming_another_uid_is_refused_with_409_and_the_object_stays()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new() { Name = "settings" } },
            "default"
        );

        // Act
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.DeleteNamespacedConfigMapAsync(
                "settings",
                "default",
                new V1DeleteOptions
                {
                    Preconditions = new V1Preconditions { Uid = "someone-elses" },
                }
            )
        );
        var kept = server.GetObject("v1", "configmaps", "default", "settings");
        await client.CoreV1.DeleteNamespacedConfigMapAsync(
            "settings",
            "default",
            new V1DeleteOptions
            {
                Preconditions = new V1Preconditions { Uid = created.Metadata.Uid },
            }
        );

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.Response.StatusCode);
        Assert.Contains(
            $"Precondition failed: UID in precondition: someone-elses, UID in object meta: {created.Metadata.Uid}",
            refused.Response.Content
        );
        Assert.NotNull(kept);
        Assert.Null(server.GetObject("v1", "configmaps", "default", "settings"));
    }

    [Fact]
    public async Task A_delete_naming_an_old_resource_version_is_refused_with_409()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new() { Name = "settings" } },
            "default"
        );
        server.PatchAs(
            "kubectl-edit",
            "v1",
            "configmaps",
            "default",
            "settings",
            """{"data":{"a":"b"}}"""
        );

        // Act
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.DeleteNamespacedConfigMapAsync(
                "settings",
                "default",
                new V1DeleteOptions
                {
                    Preconditions = new V1Preconditions
                    {
                        ResourceVersion = created.Metadata.ResourceVersion,
                    },
                }
            )
        );

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.Response.StatusCode);
        Assert.Contains(
            "Precondition failed: ResourceVersion in precondition",
            refused.Response.Content
        );
        Assert.NotNull(server.GetObject("v1", "configmaps", "default", "settings"));
    }
}
