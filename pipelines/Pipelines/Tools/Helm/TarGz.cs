using System.Formats.Tar;
using System.IO.Compression;

namespace Pipelines.Tools.Helm;

/// <summary>Takes one file out of a .tar.gz, for both of helm's install sources.</summary>
internal static class TarGz
{
    /// <summary>Extracts the first regular file whose entry name matches; false when none does.</summary>
    public static async Task<bool> ExtractFirstAsync(
        string archive,
        Func<string, bool> matches,
        string destination,
        CancellationToken cancellationToken
    )
    {
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
        {
            if (
                entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                && matches(entry.Name)
            )
            {
                await entry.ExtractToFileAsync(destination, overwrite: false, cancellationToken);
                return true;
            }
        }
        return false;
    }
}
