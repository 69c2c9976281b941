using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>Test-side hooks: kubeconfig files, reading objects, simulating controllers and people.</summary>
public sealed partial class KubeApiTestServer
{
    /// <summary>Writes a kubeconfig with one context that <c>BuildConfigFromConfigFile</c> loads.</summary>
    public void WriteKubeconfig(string path, string contextName = "test") =>
        WriteKubeconfig(path, new Dictionary<string, KubeApiTestServer> { [contextName] = this });

    /// <summary>Writes a kubeconfig with one context (and cluster and user) per server; the first is current.</summary>
    public static void WriteKubeconfig(
        string path,
        IReadOnlyDictionary<string, KubeApiTestServer> contexts
    )
    {
        var text = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        foreach (var (name, server) in contexts)
        {
            text.Append(
                $"- name: {name}\n  cluster:\n    server: {server.BaseUri.ToString().TrimEnd('/')}\n"
            );
        }
        text.Append("users:\n");
        foreach (var name in contexts.Keys)
        {
            text.Append($"- name: {name}\n  user:\n    token: test-token-{name}\n");
        }
        text.Append("contexts:\n");
        foreach (var name in contexts.Keys)
        {
            text.Append(
                $"- name: {name}\n  context:\n    cluster: {name}\n    user: {name}\n    namespace: default\n"
            );
        }
        text.Append($"current-context: {contexts.Keys.First()}\n");
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The stored object, or null; e.g. <c>GetObject("apps/v1", "deployments", "shop", "web")</c>.</summary>
    public JsonObject? GetObject(string apiVersion, string plural, string? ns, string name)
    {
        try
        {
            return _store.Get(Resource(apiVersion, plural), ns, name);
        }
        catch (KubeApiException e) when (e.Code == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Sets <c>status</c> as a controller would (resourceVersion moves, generation does not), e.g. a
    /// <c>V1DeploymentStatus</c> with ready replicas and observedGeneration to simulate a rollout.
    /// </summary>
    public JsonObject SetStatus(
        string apiVersion,
        string plural,
        string? ns,
        string name,
        object status
    )
    {
        var node = status as JsonNode ?? JsonNode.Parse(KubernetesJson.Serialize(status))!;
        return _store.SetStatus(Resource(apiVersion, plural), ns, name, node);
    }

    /// <summary>
    /// What the Deployment or DaemonSet controller reports once the pods are up: status at the current
    /// generation with every replica updated and available. Does nothing when the object is gone or the status
    /// already is current.
    /// </summary>
    public void MarkRolledOut(string plural, string ns, string name)
    {
        var live = GetObject("apps/v1", plural, ns, name);
        var generation = live?["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        if (live is null || live["status"]?["observedGeneration"]?.GetValue<long>() == generation)
        {
            return;
        }
        var replicas = live["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        object status =
            plural == "daemonsets"
                ? new V1DaemonSetStatus
                {
                    ObservedGeneration = generation,
                    DesiredNumberScheduled = 2,
                    CurrentNumberScheduled = 2,
                    NumberReady = 2,
                    UpdatedNumberScheduled = 2,
                    NumberAvailable = 2,
                    NumberMisscheduled = 0,
                }
                : new V1DeploymentStatus
                {
                    ObservedGeneration = generation,
                    Replicas = replicas,
                    UpdatedReplicas = replicas,
                    AvailableReplicas = replicas,
                    ReadyReplicas = replicas,
                };
        SetStatus("apps/v1", plural, ns, name, status);
    }

    /// <summary>
    /// Changes an object as another client would: a JSON merge patch recorded as an Update by
    /// <paramref name="manager"/> (e.g. "kubectl-client-side-apply" or "kubectl-edit").
    /// </summary>
    public JsonObject PatchAs(
        string manager,
        string apiVersion,
        string plural,
        string? ns,
        string name,
        string mergePatchJson
    )
    {
        var patch = RequestBody.Parse(mergePatchJson, allowYaml: false);
        return _store.Patch(
            Resource(apiVersion, plural),
            ns,
            name,
            patch,
            strategic: false,
            manager,
            dryRun: false,
            status: false
        );
    }

    private ApiResource Resource(string apiVersion, string plural)
    {
        var parts = apiVersion.Split('/');
        var (group, version) = parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);
        return _catalog.Find(group, version, plural)
            ?? throw new ArgumentException(
                $"No resource '{plural}' in '{apiVersion}'. Served: {string.Join(", ", _catalog.Snapshot().Select(r => $"{r.GroupVersion}/{r.Plural}"))}",
                nameof(plural)
            );
    }
}
