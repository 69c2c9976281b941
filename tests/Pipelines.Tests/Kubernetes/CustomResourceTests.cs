using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Kubernetes;

public sealed class CustomResourceTests
{
    private static readonly string Crd = """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList"},
           "versions":[{"name":"v1","served":true,"storage":true,
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
             "subresources":{"status":{}}}]}}
        """;

    [Fact]
    public async Task An_applied_custom_resource_definition_makes_its_resources_discoverable_and_served()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var crd = await client.ApiextensionsV1.PatchCustomResourceDefinitionAsync(
            new V1Patch(Crd, V1Patch.PatchType.ApplyPatch),
            "widgets.example.com",
            fieldManager: "pipelines",
            force: true
        );
        var widget = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject
            {
                ["name"] = "blue",
                ["labels"] = new JsonObject { ["tier"] = "one" },
            },
            ["spec"] = new JsonObject { ["size"] = 3 },
        };

        // Act
        var groups = await client.Apis.GetAPIVersionsAsync();
        var resources = await client.CustomObjects.GetAPIResourcesAsync("example.com", "v1");
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(widget.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            "example.com",
            "v1",
            "default",
            "widgets",
            "blue",
            fieldManager: "pipelines",
            force: true
        );
        var listed = await client.CustomObjects.ListNamespacedCustomObjectAsync(
            "example.com",
            "v1",
            "default",
            "widgets",
            labelSelector: "tier=one"
        );

        // Assert
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(groups.Groups, g => g.Name == "example.com");
        Assert.Contains(
            resources.Resources,
            r => r.Name == "widgets" && r.Kind == "Widget" && r.Namespaced
        );
        var text = KubernetesJson.Serialize(listed);
        Assert.Contains("\"kind\":\"WidgetList\"", text);
        Assert.Contains("\"size\":3", text);
    }
}
