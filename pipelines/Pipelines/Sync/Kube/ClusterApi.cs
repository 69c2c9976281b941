using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Polly;

namespace Pipelines.Sync.Kube;

/// <summary>
/// Generic object operations on one cluster through KubernetesClient's custom-object API (which serves core
/// kinds under /api/v1 too): server-side apply, get, list by label; delete and other preconditioned writes are in
/// ClusterApi.Preconditions.cs. Objects come back as plain data without <c>metadata.managedFields</c>. Throttling (429), optimistic-lock
/// conflicts (409 that are not apply conflicts) and server errors (5xx) are retried with backoff, bounded.
/// </summary>
internal sealed partial class ClusterApi(
    IKubernetes client,
    ResourceCatalog catalog,
    string fieldManager
)
{
    private readonly ResiliencePipeline _retry = Retry(IsTransient);

    public ResourceCatalog Catalog => catalog;

    /// <summary>The typed client underneath, for the kinds Sync handles as typed objects (its Lease).</summary>
    public IKubernetes Client => client;

    /// <summary>Server-side apply (<c>application/apply-patch+yaml</c>, sent as JSON, which is valid YAML).</summary>
    public Task<Dictionary<string, object?>> ApplyAsync(
        Dictionary<string, object?> desired,
        bool force,
        bool dryRun,
        CancellationToken cancellationToken
    )
    {
        var (type, ns, name) = catalog.Locate(desired);
        var patch = new V1Patch(Diff.JsonData.ToJson(desired), V1Patch.PatchType.ApplyPatch);
        var dry = dryRun ? "All" : null;
        return RunAsync(
            ct =>
                client.CustomObjects.ApplyAsync(
                    type,
                    ns,
                    name,
                    patch,
                    fieldManager,
                    force,
                    dry,
                    ct
                ),
            cancellationToken
        );
    }

    /// <summary>The live object, or null when it does not exist.</summary>
    public async Task<Dictionary<string, object?>?> GetAsync(
        ResourceType type,
        string? ns,
        string name,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await RunAsync(
                ct => client.CustomObjects.GetAsync(type, ns, name, ct),
                cancellationToken
            );
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Every object of a type across all namespaces that matches a label selector (one request). Items get their
    /// apiVersion and kind back: the real API server leaves them out of list items.
    /// </summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> ListAsync(
        ResourceType type,
        string labelSelector,
        CancellationToken cancellationToken
    )
    {
        var list = await RunAsync(
            async ct =>
                await client.CustomObjects.ListClusterCustomObjectAsync(
                    type.Group,
                    type.Version,
                    type.Plural,
                    labelSelector: labelSelector,
                    cancellationToken: ct
                ),
            cancellationToken
        );
        var items = (list.GetValueOrDefault("items") as List<object?> ?? [])
            .OfType<Dictionary<string, object?>>()
            .ToList();
        foreach (var item in items)
        {
            item["apiVersion"] = type.ApiVersion;
            item["kind"] = type.Kind;
        }
        return items;
    }

    /// <summary>The cluster's CustomResourceDefinitions, to learn custom kinds the desired state does not define.</summary>
    public async Task<
        IReadOnlyList<Dictionary<string, object?>>
    > ListCustomResourceDefinitionsAsync(CancellationToken cancellationToken)
    {
        var list = await RunAsync(
            async ct =>
                await client.CustomObjects.ListClusterCustomObjectAsync(
                    "apiextensions.k8s.io",
                    "v1",
                    "customresourcedefinitions",
                    cancellationToken: ct
                ),
            cancellationToken
        );
        return (list.GetValueOrDefault("items") as List<object?> ?? [])
            .OfType<Dictionary<string, object?>>()
            .ToList();
    }

    private async Task<Dictionary<string, object?>> RunAsync(
        Func<CancellationToken, Task<object>> call,
        CancellationToken cancellationToken
    ) => ToData(await _retry.ExecuteAsync(async ct => await call(ct), cancellationToken));

    private static Dictionary<string, object?> ToData(object answer)
    {
        // The custom-object API answers with a parsed element: a LIST of thousands of objects is converted once, not
        // written and parsed again. Sync reads no managedFields, and leaving them out halves what a LIST of
        // server-side applied objects costs.
        using var document =
            answer is JsonElement ? null : JsonDocument.Parse(KubernetesJson.Serialize(answer));
        var element = document?.RootElement ?? (JsonElement)answer;
        return Diff.JsonData.FromElement(element, withoutManagedFields: true)
                as Dictionary<string, object?>
            ?? throw new FormatException(
                $"Expected a Kubernetes object from the API server, got JSON {element.ValueKind}."
            );
    }

    /// <summary>An apply conflict (another manager owns a field) is a real answer, not a transient one.</summary>
    private static bool IsTransient(HttpOperationException exception) =>
        exception.Response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => true,
            HttpStatusCode.Conflict => !(exception.Response.Content ?? "").Contains(
                "Apply failed",
                StringComparison.Ordinal
            ),
            >= HttpStatusCode.InternalServerError => true,
            _ => false,
        };
}
