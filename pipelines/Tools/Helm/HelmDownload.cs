using System.Security.Cryptography;

namespace Pipelines.Tools.Helm;

/// <summary>
/// Gets helm from the official release archive (or a mirror of it): the tar.gz and its <c>.sha256sum</c> beside
/// it, checked, then the <c>helm</c> entry of the archive.
/// </summary>
internal static class HelmDownload
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Writes the helm executable to <paramref name="destination"/>; throws when any step fails.</summary>
    public static async Task FetchAsync(
        string url,
        string workDirectory,
        string destination,
        CancellationToken cancellationToken
    )
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout };
        using var client = new HttpClient(handler) { Timeout = TransferTimeout };

        var archive = Path.Combine(workDirectory, "helm.tar.gz");
        using (
            var response = await client.GetAsync(
                url,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken
            )
        )
        {
            response.EnsureSuccessStatusCode();
            await using var file = File.Create(archive);
            await response.Content.CopyToAsync(file, cancellationToken);
        }

        var checksumUrl = url + ".sha256sum";
        var expected = ParseChecksum(
            await client.GetStringAsync(checksumUrl, cancellationToken),
            checksumUrl
        );
        string actual;
        await using (var file = File.OpenRead(archive))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
        if (actual != expected)
        {
            throw new InvalidDataException(
                $"checksum mismatch: the archive's SHA-256 is {actual}, {checksumUrl} says {expected}"
            );
        }

        await ExtractHelmAsync(archive, destination, cancellationToken);
    }

    /// <summary>A <c>.sha256sum</c> file: "&lt;64 hex&gt;  &lt;file name&gt;".</summary>
    private static string ParseChecksum(string text, string source)
    {
        var hash = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault();
        if (hash is not { Length: 64 } || !hash.All(Uri.IsHexDigit))
        {
            throw new InvalidDataException($"{source} holds no SHA-256 checksum");
        }
        return hash.ToLowerInvariant();
    }

    private static async Task ExtractHelmAsync(
        string archive,
        string destination,
        CancellationToken cancellationToken
    )
    {
        if (
            !await TarGz.ExtractFirstAsync(
                archive,
                name => Path.GetFileName(name) == HelmSources.ExecutableName,
                destination,
                cancellationToken
            )
        )
        {
            throw new InvalidDataException(
                $"the archive holds no {HelmSources.ExecutableName} (expected {HelmSources.Platform}/{HelmSources.ExecutableName})"
            );
        }
    }
}
