using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>What a registry holds under a tag: the manifest's digest and the config digest it names.</summary>
internal sealed record RemoteTag(string Digest, string? ConfigDigest);

/// <summary>Reads tags from a registry with skopeo, which speaks every auth scheme (ECR, GHCR, plain HTTP).</summary>
internal sealed class RegistryClient(RegistryTarget registry, string? authFile)
{
    /// <summary>The tag's manifest, or null when the registry has no such tag (or no such repository yet).</summary>
    public Task<RemoteTag?> FindAsync(string reference, CancellationToken ct) =>
        RegistryRetry.RunAsync<RemoteTag?>(
            registry,
            async token =>
            {
                try
                {
                    var result = await ToolRunner.Default.RunAsync(
                        Inspect(reference),
                        ToolOutput.Capture,
                        token
                    );
                    return Parse(result.StandardOutput);
                }
                catch (ToolException exception) when (IsMissing(exception))
                {
                    return null;
                }
            },
            ct
        );

    public ToolCommand Inspect(string reference)
    {
        var command = ToolCommand.For("skopeo").WithArguments("inspect", "--raw");
        if (registry.IsLoopback)
        {
            command = command.WithArguments("--tls-verify=false");
        }
        if (authFile is not null)
        {
            command = command.WithArguments("--authfile", authFile);
        }
        return command.WithArguments($"docker://{reference}");
    }

    /// <summary>The digest of a manifest is the SHA-256 of its exact bytes, as Docker-Content-Digest reports it.</summary>
    private static RemoteTag Parse(string rawManifest)
    {
        var raw = rawManifest.TrimEnd('\n');
        var digest =
            "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
        using var document = JsonDocument.Parse(raw);
        var config =
            document.RootElement.TryGetProperty("config", out var c)
            && c.TryGetProperty("digest", out var d)
                ? d.GetString()
                : null;
        return new RemoteTag(digest, config);
    }

    private static bool IsMissing(ToolException exception) =>
        exception.Detail.Contains("manifest unknown", StringComparison.OrdinalIgnoreCase)
        || exception.Detail.Contains("name unknown", StringComparison.OrdinalIgnoreCase)
        || exception.Detail.Contains("not found", StringComparison.OrdinalIgnoreCase);
}
