using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Kubernetes;

/// <summary>The test server's Leases, through KubernetesClient's typed CoordinationV1 API.</summary>
public sealed class LeaseTests
{
    private static V1Lease Lease(string holder) =>
        new()
        {
            Metadata = new V1ObjectMeta { Name = "lock" },
            Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 30 },
        };

    [Fact]
    public async Task A_lease_created_twice_is_a_conflict()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoordinationV1.CreateNamespacedLeaseAsync(Lease("a"), "kube-system");

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoordinationV1.CreateNamespacedLeaseAsync(Lease("b"), "kube-system")
        );

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("already exists", error.Response.Content);
    }

    [Fact]
    public async Task An_update_from_a_stale_read_is_a_conflict_and_a_fresh_one_succeeds()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(
            Lease("a"),
            "kube-system"
        );
        var first = await client.CoordinationV1.ReadNamespacedLeaseAsync("lock", "kube-system");
        var second = await client.CoordinationV1.ReadNamespacedLeaseAsync("lock", "kube-system");
        first.Spec.HolderIdentity = "b";
        await client.CoordinationV1.ReplaceNamespacedLeaseAsync(first, "lock", "kube-system");
        second.Spec.HolderIdentity = "c";

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoordinationV1.ReplaceNamespacedLeaseAsync(second, "lock", "kube-system")
        );
        var fresh = await client.CoordinationV1.ReadNamespacedLeaseAsync("lock", "kube-system");
        fresh.Spec.HolderIdentity = "c";
        var replaced = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(
            fresh,
            "lock",
            "kube-system"
        );

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("c", replaced.Spec.HolderIdentity);
        Assert.NotEqual(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
    }
}
