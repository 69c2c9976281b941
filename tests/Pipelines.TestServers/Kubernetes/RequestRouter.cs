using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// Maps Kubernetes REST paths and verbs onto discovery and the store:
/// <c>/api/v1[/namespaces/{ns}]/{resource}[/{name}[/status]]</c> and the same under
/// <c>/apis/{group}/{version}</c>. Answers with (status code, JSON body).
/// </summary>
internal sealed class RequestRouter(
    ResourceCatalog catalog,
    ResourceStore store,
    Func<string> serverAddress,
    Func<string>? serverVersion = null
)
{
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";

    public async Task<(int Code, JsonObject Body)> RouteAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var segments = request
            .Path.Value!.Trim('/')
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resources = catalog.Snapshot();
        JsonObject Found(JsonObject? document) =>
            document ?? throw StatusResponses.UnknownResource();
        string[] rest;
        string group;
        string version;
        switch (segments)
        {
            case ["version"]:
                return (200, Discovery.Version(serverVersion?.Invoke() ?? "v1.34.0"));
            case ["api"]:
                return (200, Discovery.ApiVersions(serverAddress()));
            case ["apis"]:
                return (200, Discovery.GroupList(resources));
            case ["apis", var onlyGroup]:
                return (200, Found(Discovery.GroupDocument(resources, onlyGroup)));
            case ["api", var coreVersion, .. var coreRest]:
                (group, version, rest) = ("", coreVersion, coreRest);
                break;
            case ["apis", var apiGroup, var apiVersion, .. var groupRest]:
                (group, version, rest) = (apiGroup, apiVersion, groupRest);
                break;
            default:
                throw StatusResponses.UnknownResource();
        }
        if (rest.Length == 0)
        {
            return (200, Found(Discovery.ResourceList(resources, group, version)));
        }
        string? ns = null;
        if (
            rest is ["namespaces", var namespaceName, var inner, ..]
            && inner is not ("status" or "finalize")
        )
        {
            ns = namespaceName;
            rest = rest[2..];
        }
        if (rest.Length > 3)
        {
            throw StatusResponses.UnknownResource();
        }
        var resource =
            catalog.Find(group, version, rest[0]) ?? throw StatusResponses.UnknownResource();
        var name = rest.Length > 1 ? rest[1] : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        if (
            (ns is not null && !resource.Namespaced)
            || (subresource is not null && !(subresource == "status" && resource.HasStatus))
        )
        {
            throw StatusResponses.UnknownResource();
        }
        if (resource.Namespaced && ns is null && name is not null)
        {
            throw StatusResponses.UnknownResource();
        }
        return await ServeAsync(
            request,
            resource,
            ns,
            name,
            subresource is not null,
            cancellationToken
        );
    }

    private async Task<(int Code, JsonObject Body)> ServeAsync(
        HttpRequest request,
        ApiResource resource,
        string? ns,
        string? name,
        bool status,
        CancellationToken cancellationToken
    )
    {
        var query = request.Query;
        var dryRun = query["dryRun"].Contains("All");
        var manager = query["fieldManager"].FirstOrDefault();
        var updater = string.IsNullOrEmpty(manager) ? DefaultManager(request) : manager;
        switch (request.Method, name)
        {
            case ("GET", null):
                var labels = LabelSelector.ParseLabels(query["labelSelector"].FirstOrDefault());
                var fields = LabelSelector.ParseFields(query["fieldSelector"].FirstOrDefault());
                return (200, store.List(resource, ns, labels, fields));
            case ("GET", _):
                return (200, store.Get(resource, ns, name));
            case ("DELETE", not null):
                var preconditions = await DeletePreconditions.ReadAsync(request, cancellationToken);
                return (200, store.Delete(resource, ns, name, dryRun, preconditions));
            case ("POST", null) when !status:
                var created = await BodyAsync(request, allowYaml: false, cancellationToken);
                ns ??= (string?)created["metadata"]?["namespace"];
                return (201, store.Create(resource, ns, created, updater, dryRun));
            case ("PUT", not null):
                var replacement = await BodyAsync(request, allowYaml: false, cancellationToken);
                return (
                    200,
                    store.Replace(resource, ns, name, replacement, updater, dryRun, status)
                );
            case ("PATCH", not null):
                return await PatchAsync(
                    request,
                    resource,
                    ns,
                    name,
                    status,
                    dryRun,
                    manager,
                    updater,
                    cancellationToken
                );
            default:
                throw StatusResponses.MethodNotAllowed();
        }
    }

    private async Task<(int Code, JsonObject Body)> PatchAsync(
        HttpRequest request,
        ApiResource resource,
        string? ns,
        string name,
        bool status,
        bool dryRun,
        string? manager,
        string updater,
        CancellationToken cancellationToken
    )
    {
        var contentType = request.ContentType?.Split(';')[0].Trim();
        var force = request.Query["force"].Contains("true");
        if (contentType == ApplyPatch && !status)
        {
            if (string.IsNullOrEmpty(manager))
            {
                throw StatusResponses.Invalid(
                    "PatchOptions",
                    "meta.k8s.io",
                    "",
                    "fieldManager",
                    "Required value: is required for apply patch"
                );
            }
            var applied = await BodyAsync(request, allowYaml: true, cancellationToken);
            var (result, created) = store.Apply(
                resource,
                ns,
                name,
                applied,
                manager,
                force,
                dryRun
            );
            return (created ? 201 : 200, result);
        }
        if (request.Query.ContainsKey("force"))
        {
            throw StatusResponses.Invalid(
                "PatchOptions",
                "meta.k8s.io",
                "",
                "force",
                "Forbidden: may not be specified for non-apply patch",
                "FieldValueForbidden"
            );
        }
        if (contentType is not (MergePatch or StrategicMergePatch))
        {
            throw StatusResponses.UnsupportedMediaType(contentType);
        }
        var patch = await BodyAsync(request, allowYaml: false, cancellationToken);
        return (
            200,
            store.Patch(
                resource,
                ns,
                name,
                patch,
                contentType == StrategicMergePatch,
                updater,
                dryRun,
                status
            )
        );
    }

    private static async Task<JsonObject> BodyAsync(
        HttpRequest request,
        bool allowYaml,
        CancellationToken cancellationToken
    )
    {
        using var reader = new StreamReader(request.Body);
        return RequestBody.Parse(await reader.ReadToEndAsync(cancellationToken), allowYaml);
    }

    /// <summary>Without a fieldManager, Update managers are named after the client's user agent, as the real server does.</summary>
    private static string DefaultManager(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return agent.Length == 0 ? "unknown" : agent.Split('/')[0];
    }
}
