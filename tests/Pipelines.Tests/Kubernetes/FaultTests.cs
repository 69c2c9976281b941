using System.Net;
using k8s;
using k8s.Autorest;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Kubernetes;

public sealed class FaultTests
{
    [Fact]
    public async Task A_429_fault_answers_once_with_retry_after_and_then_the_request_succeeds()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.InjectFault(
            FaultRule.Answer(429, "/apis/apps/v1", "PATCH", times: 1) with
            {
                RetryAfterSeconds = 2,
            }
        );

        // Act
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 1)
        );
        var applied = await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 1);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, error.Response.StatusCode);
        Assert.Equal(["2"], error.Response.Headers["Retry-After"]);
        Assert.Contains("\"reason\":\"TooManyRequests\"", error.Response.Content);
        Assert.Equal("web", applied.Metadata.Name);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task An_always_fault_answers_every_matching_request_with_a_status(int code)
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.InjectFault(FaultRule.Answer(code, "/api/v1/namespaces", "GET", times: null));

        // Act
        var first = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ListNamespaceAsync()
        );
        var second = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ListNamespaceAsync()
        );
        var discovery = await client.CoreV1.GetAPIResourcesAsync();

        // Assert
        Assert.Equal(code, (int)first.Response.StatusCode);
        Assert.Equal(code, (int)second.Response.StatusCode);
        Assert.Contains("\"kind\":\"Status\"", first.Response.Content);
        Assert.NotEmpty(discovery.Resources);
    }

    [Fact]
    public async Task A_delay_fault_still_serves_the_request()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.InjectFault(
            FaultRule.Slow(TimeSpan.FromMilliseconds(20), "/api/v1/namespaces", times: 1)
        );
        server.Latency = TimeSpan.FromMilliseconds(1);

        // Act
        var namespaces = await client.CoreV1.ListNamespaceAsync();

        // Assert
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "kube-system");
    }

    [Fact]
    public async Task The_request_log_records_verb_path_query_and_content_type()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();

        // Act
        await Samples.ApplyDeploymentAsync(client, "default", "web", replicas: 1);

        // Assert
        var patch = Assert.Single(server.Requests, r => r.Method == "PATCH");
        Assert.Equal("/apis/apps/v1/namespaces/default/deployments/web", patch.Path);
        Assert.Contains("fieldManager=pipelines", patch.Query);
        Assert.Contains("force=true", patch.Query);
        Assert.StartsWith("application/apply-patch+yaml", patch.ContentType);
    }
}
