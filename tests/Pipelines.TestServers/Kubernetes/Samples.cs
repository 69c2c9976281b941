using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>Apply bodies for the fake server's tests, sent as JSON (valid apply YAML).</summary>
internal static class Samples
{
    public static JsonObject Deployment(
        string ns,
        string name,
        int? replicas,
        string? team = null,
        string image = "nginx:1.27"
    )
    {
        var labels = new JsonObject { ["app"] = name };
        if (team is not null)
        {
            labels["team"] = team;
        }
        var spec = new JsonObject();
        if (replicas is not null)
        {
            spec["replicas"] = replicas;
        }
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } };
        spec["template"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(
                    new JsonObject { ["name"] = "main", ["image"] = image }
                ),
            },
        };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels,
            },
            ["spec"] = spec,
        };
    }

    public static Task<V1Deployment> ApplyDeploymentAsync(
        IKubernetes client,
        string ns,
        string name,
        int? replicas,
        string? team = null,
        string manager = "pipelines",
        bool force = true,
        string? dryRun = null
    ) => ApplyAsync(client, Deployment(ns, name, replicas, team), manager, force, dryRun);

    public static Task<V1Deployment> ApplyAsync(
        IKubernetes client,
        JsonObject deployment,
        string manager = "pipelines",
        bool force = true,
        string? dryRun = null
    ) =>
        client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(deployment.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            (string)deployment["metadata"]!["name"]!,
            (string)deployment["metadata"]!["namespace"]!,
            dryRun: dryRun,
            fieldManager: manager,
            force: force
        );
}
