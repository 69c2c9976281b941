using Pipelines.TestServers;

namespace Pipelines.Tests.Bootstrap;

/// <summary>
/// build/test-prerequisites.sh, the check ./build.sh Test makes before compiling, on fake machines: a PATH of one
/// folder where the tools are stubs (or absent), <c>id</c> says who runs it, and a stub apt-get records its calls.
/// /bin/busybox is the real one (no dpkg-query on the fake PATH, so its presence is what counts).
/// </summary>
public sealed class TestPrerequisitesTests : IDisposable
{
    private static readonly string[] Everything =
    [
        "buildah",
        "skopeo",
        "docker-registry",
        "node",
        "npm",
        "git",
        "pwsh",
    ];

    private readonly FakePath _machine = new FakePath("prereq-bin").Link(
        "bash",
        "dirname",
        "mkdir",
        "rm",
        "cat",
        "chmod"
    );
    private readonly string _repository = RepositoryCopy.NewTemporaryDirectory("prereq-repo");

    public TestPrerequisitesTests()
    {
        var build = Directory.CreateDirectory(Path.Combine(_repository, "build"));
        File.Copy(
            Path.Combine(RepositoryRoot.Path, "build", "test-prerequisites.sh"),
            Path.Combine(build.FullName, "test-prerequisites.sh")
        );
    }

    [Fact]
    public async Task With_everything_there_the_check_passes_without_a_word()
    {
        // Arrange
        _machine.Present(Everything).Stub("id", "echo 1000");

        // Act
        var result = await CheckAsync("", "Test");

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Missing_tools_as_a_user_stop_build_sh_before_it_compiles_with_the_command_that_installs_them()
    {
        // Arrange: a cold copy of the repository; a user, not root; only git and PowerShell of the suite's tools.
        using var copy = RepositoryCopy.Create("prereq");
        _machine
            .Link(MissingSdkTests.ToolsTheScriptUses)
            .Link("dotnet")
            .Present("git", "pwsh")
            .Stub("id", "echo 1000")
            .Stub("apt-get", AptGet);

        // Act
        var result = await ChildProcess.RunAsync(
            copy.BuildScript,
            ["Test"],
            copy.Path,
            new Dictionary<string, string?> { ["PATH"] = _machine.Directory }
        );

        // Assert
        Assert.True(result.ExitCode == 1, result.Describe());
        foreach (var missing in new[] { "buildah", "skopeo", "docker-registry" })
        {
            Assert.Contains($"  {missing} (Debian package {missing})", result.StandardError);
        }
        Assert.Contains("  node (Debian package nodejs)", result.StandardError);
        Assert.Contains(
            "  sudo apt-get update && sudo apt-get install -y buildah skopeo docker-registry nodejs npm\n",
            result.StandardError
        );
        Assert.DoesNotContain(BootstrapFixture.CompilingMessage, result.StandardError);
        Assert.False(
            File.Exists(copy.CompiledBuild),
            "build.sh compiled before the check stopped it."
        );
        Assert.False(_machine.Has("apt-get.log"), "apt-get ran for a user who is not root.");
    }

    [Fact]
    public async Task As_root_with_apt_get_the_missing_packages_are_installed_after_one_update()
    {
        // Arrange: buildah, skopeo, npm and PowerShell missing; apt-get and dotnet record their calls and install.
        _machine
            .Present("docker-registry", "node", "git")
            .Stub("id", "echo 0")
            .Stub("apt-get", AptGet);
        _machine.Stub(
            "dotnet-stub",
            "echo \"$*\" >> \"$(dirname \"$0\")/dotnet.log\"\n"
                + "mkdir -p \"$7\" && printf '#!/bin/bash\\n' > \"$7/pwsh\" && chmod +x \"$7/pwsh\""
        );
        var dotnet = Path.Combine(_machine.Directory, "dotnet-stub");

        // Act
        var result = await CheckAsync(dotnet, "Test");

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal(
            ["noninteractive update -qq", "noninteractive install -y -qq buildah skopeo npm"],
            Lines(Path.Combine(_machine.Directory, "apt-get.log"))
        );
        Assert.Equal(
            [
                "tool install PowerShell --version 7.6.10 --tool-path "
                    + Path.Combine(_repository, ".nuke", "temp", "tools", "pwsh"),
            ],
            Lines(Path.Combine(_machine.Directory, "dotnet.log"))
        );
        Assert.Contains("installed buildah skopeo npm", result.StandardError);
        Assert.Contains(
            "installed PowerShell 7.6.10 into .nuke/temp/tools/pwsh",
            result.StandardError
        );
    }

    [Fact]
    public async Task When_apt_get_fails_its_output_is_shown_and_the_build_stops()
    {
        // Arrange
        _machine
            .Present(Everything.Except(["skopeo"]).ToArray())
            .Stub("id", "echo 0")
            .Stub(
                "apt-get",
                "[ \"$1\" = install ] && { echo 'E: Unable to locate package skopeo' >&2; exit 100; }; exit 0"
            );

        // Act
        var result = await CheckAsync("", "Test");

        // Assert
        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("E: Unable to locate package skopeo", result.StandardError);
        Assert.Contains("apt-get could not install skopeo", result.StandardError);
    }

    [Theory]
    [InlineData("Test")]
    [InlineData("test")]
    [InlineData("Compile+TEST")]
    [InlineData("--target", "te-st")]
    [InlineData("--target=Compile+Test")]
    [InlineData("--dry-run", "Test")]
    [InlineData("Test", "--test-filter", "FullyQualifiedName~Sync")]
    public async Task Test_named_as_the_engine_matches_it_is_checked(params string[] arguments)
    {
        // Arrange
        _machine.Present(Everything.Except(["buildah"]).ToArray()).Stub("id", "echo 1000");

        // Act
        var result = await CheckAsync("", arguments);

        // Assert
        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("buildah (Debian package buildah)", result.StandardError);
    }

    [Theory]
    [InlineData]
    [InlineData("Compile")]
    [InlineData("RenderHelmfile", "--env", "test")]
    [InlineData("--plan", "Test")]
    [InlineData("--help", "Test")]
    [InlineData("Testing")]
    public async Task Command_lines_that_do_not_run_Test_are_not_checked(params string[] arguments)
    {
        // Arrange
        _machine.Present(Everything.Except(["buildah"]).ToArray()).Stub("id", "echo 1000");

        // Act
        var result = await CheckAsync("", arguments);

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Test_named_in_PIPELINES_TARGET_is_checked_too()
    {
        // Arrange
        _machine.Present(Everything.Except(["git"]).ToArray()).Stub("id", "echo 1000");

        // Act
        var result = await CheckAsync("", [], new() { ["PIPELINES_TARGET"] = "Compile+Test" });

        // Assert
        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("git (Debian package git)", result.StandardError);
    }

    public void Dispose()
    {
        _machine.Dispose();
        RepositoryCopy.DeleteDirectory(_repository);
    }

    /// <summary>apt-get that records each call, and on install puts a stub for each package's command on PATH.</summary>
    private const string AptGet = """
        dir="$(dirname "$0")"
        echo "$DEBIAN_FRONTEND $*" >> "$dir/apt-get.log"
        if [ "$1" = install ]; then
          for package in "$@"; do
            case "$package" in -*|install) continue ;; nodejs) package=node ;; esac
            printf '#!/bin/bash\n' > "$dir/$package" && chmod +x "$dir/$package"
          done
        fi
        """;

    private Task<ProcessResult> CheckAsync(string dotnet, params string[] arguments) =>
        CheckAsync(dotnet, arguments, []);

    private Task<ProcessResult> CheckAsync(
        string dotnet,
        string[] arguments,
        Dictionary<string, string?> environment
    )
    {
        environment["PATH"] = _machine.Directory;
        environment["PIPELINES_TARGET"] = environment.GetValueOrDefault("PIPELINES_TARGET");
        return ChildProcess.RunAsync(
            "/bin/bash",
            [Path.Combine(_repository, "build", "test-prerequisites.sh"), dotnet, .. arguments],
            _repository,
            environment
        );
    }

    private static string[] Lines(string file) => File.Exists(file) ? File.ReadAllLines(file) : [];
}
