using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// <c>DeleteOptions.preconditions</c> from a DELETE body: the uid and resourceVersion the client read. Like the real
/// server, a delete whose preconditions no longer hold is refused with 409 Conflict, "Precondition failed: ...".
/// </summary>
internal readonly record struct DeletePreconditions(string? Uid, string? ResourceVersion)
{
    public static async Task<DeletePreconditions> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }
        var preconditions = RequestBody.Parse(text, allowYaml: false)["preconditions"];
        return new DeletePreconditions(
            (string?)preconditions?["uid"],
            (string?)preconditions?["resourceVersion"]
        );
    }

    public void Check(ApiResource resource, string name, JsonObject found)
    {
        var uid = (string?)found["metadata"]?["uid"];
        if (Uid is not null && Uid != uid)
        {
            throw StatusResponses.Conflict(
                resource,
                name,
                $"Precondition failed: UID in precondition: {Uid}, UID in object meta: {uid}"
            );
        }
        var version = (string?)found["metadata"]?["resourceVersion"];
        if (ResourceVersion is not null && ResourceVersion != version)
        {
            throw StatusResponses.Conflict(
                resource,
                name,
                $"Precondition failed: ResourceVersion in precondition: {ResourceVersion}, ResourceVersion in object meta: {version}"
            );
        }
    }
}
