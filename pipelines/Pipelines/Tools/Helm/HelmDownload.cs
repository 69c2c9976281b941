using System.IO.Compression;
using System.Security.Cryptography;

namespace Pipelines.Tools.Helm;

/// <summary>
/// Gets helm from the official release archive (or a mirror of it), checked against the SHA-256 pinned in code, then
/// takes the <c>helm</c> entry out of it. The <c>.sha256sum</c> beside the archive is not read: it comes from the same
/// place as the archive, so it could only ever agree with a doctored one.
/// </summary>
internal static class HelmDownload
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Writes the helm executable to <paramref name="destination"/>; throws <see cref="IntegrityException"/> when the
    /// archive is not the pinned one, and a network or I/O exception when it cannot be fetched.
    /// </summary>
    public static async Task FetchAsync(
        string url,
        string? expectedSha256,
        string workDirectory,
        string destination,
        CancellationToken cancellationToken
    )
    {
        if (expectedSha256 is null)
        {
            throw new PlatformNotSupportedException(
                $"no SHA-256 is pinned for helm {HelmPins.Version} on {HelmSources.Platform}, so no download is trusted"
            );
        }
        using var handler = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout };
        using var client = new HttpClient(handler) { Timeout = TransferTimeout };

        var archive = Path.Combine(workDirectory, "helm." + HelmSources.ArchiveExtension);
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

        string actual;
        await using (var file = File.OpenRead(archive))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
        if (actual != expectedSha256)
        {
            throw new IntegrityException(
                $"{url}: the archive's SHA-256 is {actual}, but the build pins {expectedSha256} for helm "
                    + $"{HelmPins.Version} {HelmSources.Platform}. The server (or {HelmSources.DownloadUrlVariable}'s "
                    + "mirror) served something other than the published release; it was not installed, and no "
                    + "other source was tried."
            );
        }

        await ExtractHelmAsync(archive, destination, cancellationToken);
    }

    private static async Task ExtractHelmAsync(
        string archive,
        string destination,
        CancellationToken cancellationToken
    )
    {
        static bool IsHelm(string name) => Path.GetFileName(name) == HelmSources.ExecutableName;
        var found = archive.EndsWith(".zip", StringComparison.Ordinal)
            ? ExtractFromZip(archive, IsHelm, destination)
            : await TarGz.ExtractFirstAsync(archive, IsHelm, destination, cancellationToken);
        if (!found)
        {
            throw new InvalidDataException(
                $"the archive holds no {HelmSources.ExecutableName} (expected {HelmSources.Platform}/{HelmSources.ExecutableName})"
            );
        }
    }

    private static bool ExtractFromZip(
        string archive,
        Func<string, bool> matches,
        string destination
    )
    {
        using var zip = ZipFile.OpenRead(archive);
        var entry = zip.Entries.FirstOrDefault(e => e.Name.Length > 0 && matches(e.FullName));
        entry?.ExtractToFile(destination, overwrite: false);
        return entry is not null;
    }
}
