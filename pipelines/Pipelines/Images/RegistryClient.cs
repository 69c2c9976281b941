using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>What a registry holds under a tag: the manifest's digest and the config digest it names.</summary>
internal sealed record RemoteTag(string Digest, string? ConfigDigest);

/// <summary>
/// Reads tags from a registry's HTTP API (the OCI distribution spec: <c>GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c>),
/// in process: PushImage asks this for every tag before it pushes, and a skopeo process per tag cost more than
/// the rest of the target's own work. Both auth schemes registries use are answered (<see cref="RegistryChallenge"/>):
/// Basic (ECR, htpasswd) and Bearer tokens (GHCR, Docker Hub). A registry that wants credentials PushImage does not
/// hold (a <c>docker login</c> or <c>buildah login</c> of the user's) is asked through skopeo, which reads those logins
/// and their credential helpers.
/// </summary>
internal sealed class RegistryClient(RegistryTarget registry, RegistryLogin? login) : IDisposable
{
    /// <summary>Every manifest type a tag can hold; without them a registry may answer with a converted one.</summary>
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    ];

    private readonly HttpClient _http = new(new HttpRequestLog(new SocketsHttpHandler()))
    {
        BaseAddress = registry.ApiBase,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly RegistryChallenge _auth = new(registry, login);

    /// <summary>The tag's manifest, or null when the registry has no such tag (or no such repository yet).</summary>
    public Task<RemoteTag?> FindAsync(string name, string tag, CancellationToken ct) =>
        RegistryRetry.RunAsync(
            registry,
            token => new ValueTask<RemoteTag?>(ReadAsync(name, tag, token)),
            ct
        );

    private async Task<RemoteTag?> ReadAsync(string name, string tag, CancellationToken ct)
    {
        var path = $"v2/{registry.RepositoryPath(name)}/manifests/{Uri.EscapeDataString(tag)}";
        using var response = await _auth.SendAsync(_http, () => ManifestRequest(path), ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return null;
            case HttpStatusCode.Unauthorized when login is null:
                return await SkopeoFindAsync($"{registry.Repository(name)}:{tag}", ct);
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new RegistryAccessException(
                    $"Registry {registry.Host} refused to let {(login is null ? "an anonymous request" : login.User)} read {registry.RepositoryPath(name)} "
                        + $"({(int)response.StatusCode} {response.ReasonPhrase}). Check that the credentials may pull and push this repository."
                );
        }
        RegistryChallenge.ThrowIfTransient(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryAccessException(
                $"Registry {registry.Host} answered {(int)response.StatusCode} {response.ReasonPhrase} for {registry.RepositoryPath(name)}:{tag}."
            );
        }
        return Parse(await response.Content.ReadAsByteArrayAsync(ct));
    }

    private static HttpRequestMessage ManifestRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
        return request;
    }

    /// <summary>The digest of a manifest is the SHA-256 of its exact bytes, as Docker-Content-Digest reports it.</summary>
    private static RemoteTag Parse(byte[] manifest)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
        using var document = JsonDocument.Parse(manifest);
        var config =
            document.RootElement.TryGetProperty("config", out var c)
            && c.TryGetProperty("digest", out var d)
                ? d.GetString()
                : null;
        return new RemoteTag(digest, config);
    }

    /// <summary>skopeo prints the raw manifest; a missing tag is an error whose text says so.</summary>
    private async Task<RemoteTag?> SkopeoFindAsync(string reference, CancellationToken ct)
    {
        var command = ToolCommand.For("skopeo").WithArguments("inspect", "--raw");
        if (registry.IsLoopback)
        {
            command = command.WithArguments("--tls-verify=false");
        }
        try
        {
            var result = await ToolRunner.Default.RunAsync(
                command.WithArguments($"docker://{reference}"),
                ToolOutput.Capture,
                ct
            );
            return Parse(System.Text.Encoding.UTF8.GetBytes(result.StandardOutput.TrimEnd('\n')));
        }
        catch (ToolException exception) when (IsMissing(exception))
        {
            return null;
        }
    }

    private static bool IsMissing(ToolException exception) =>
        exception.Detail.Contains("manifest unknown", StringComparison.OrdinalIgnoreCase)
        || exception.Detail.Contains("name unknown", StringComparison.OrdinalIgnoreCase)
        || exception.Detail.Contains("not found", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _http.Dispose();
}

/// <summary>The registry refused PushImage's credentials, or answered what no registry should. Exits 1.</summary>
internal sealed class RegistryAccessException(string message)
    : Exception(message),
        Failures.IExplainedFailure;
