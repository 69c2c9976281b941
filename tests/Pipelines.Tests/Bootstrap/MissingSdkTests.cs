namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// ./build.sh on a machine without dotnet and without network: a PATH of only the tools the script needs, no
/// DOTNET_ROOT, and an install-script URL nobody listens on (proxies point there too, so nothing reaches the internet).
/// </summary>
public sealed class MissingSdkTests : IDisposable
{
    internal static readonly string[] ToolsTheScriptUses =
    [
        "bash",
        "sh",
        "env",
        "dirname",
        "sha256sum",
        "find",
        "sort",
        "xargs",
        "cut",
        "cat",
        "sed",
        "head",
        "mkdir",
        "rm",
        "curl",
        "flock",
    ];

    private const string Unreachable = "http://127.0.0.1:9";

    private readonly RepositoryCopy _copy = RepositoryCopy.Create("nosdk");
    private readonly FakePath _bin = new("nosdk-bin");

    [Fact]
    public async Task Without_a_dotnet_and_without_network_the_script_fails_clearly_and_leaves_no_half_made_sdk()
    {
        // Arrange
        _bin.Link(ToolsTheScriptUses);
        Assert.False(_bin.Has("dotnet"));
        Assert.False(File.Exists(_copy.CompiledBuild));
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = _bin.Directory,
            ["DOTNET_ROOT"] = null,
            ["DOTNET_INSTALL_SCRIPT_URL"] = $"{Unreachable}/dotnet-install.sh",
            ["http_proxy"] = Unreachable,
            ["https_proxy"] = Unreachable,
            ["HTTPS_PROXY"] = Unreachable,
            ["ALL_PROXY"] = Unreachable,
            ["NO_PROXY"] = null,
            ["no_proxy"] = null,
        };

        // Act
        var result = await ChildProcess.RunAsync(
            _copy.BuildScript,
            ["--help"],
            _copy.Path,
            environment
        );

        // Assert
        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains(".NET SDK", result.StandardError);
        Assert.Contains("no network", result.StandardError);
        Assert.Contains($"{Unreachable}/dotnet-install.sh", result.StandardError);
        Assert.DoesNotContain("Usage: ./build.sh", result.StandardOutput);
        Assert.False(
            Directory.Exists(Path.Combine(_copy.TempDirectory, "dotnet")),
            $".nuke/temp/dotnet was left behind.\n{result.Describe()}"
        );
        Assert.False(File.Exists(Path.Combine(_copy.TempDirectory, "dotnet-install.sh")));
        Assert.False(File.Exists(_copy.CompiledBuild));
    }

    public void Dispose()
    {
        _copy.Dispose();
        _bin.Dispose();
    }
}
