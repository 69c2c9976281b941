using Pipelines.Images;
using Pipelines.Tests.Charts;
using Pipelines.TestServers;
using Pipelines.Tools;

namespace Pipelines.Tests.Images;

/// <summary>
/// What the image targets take from outside and must not pass on: credentials in the git remote (the source label
/// is public), plain HTTP for a registry that only looks local, a registry auth file others could read.
/// </summary>
public sealed class ImageInputTests
{
    [Theory]
    [InlineData(
        "https://ci-bot:ghp_S3cr3tT0ken@github.example/org/app.git",
        "https://github.example/org/app.git"
    )]
    [InlineData(
        "https://x-access-token@github.example/org/app.git",
        "https://github.example/org/app.git"
    )]
    [InlineData(
        "https://user:pw@git.example:8443/org/app.git",
        "https://git.example:8443/org/app.git"
    )]
    [InlineData("ssh://git:pw@git.example/org/app.git", "ssh://git@git.example/org/app.git")]
    [InlineData("ssh://git@git.example/org/app.git", "ssh://git@git.example/org/app.git")]
    [InlineData("git@github.com:org/app.git", "git@github.com:org/app.git")]
    [InlineData("https://github.com/org/app.git", "https://github.com/org/app.git")]
    public void The_source_label_drops_the_credentials_of_the_remote_url(
        string remote,
        string label
    )
    {
        // Act
        var source = GitRevision.WithoutCredentials(remote);

        // Assert
        Assert.Equal(label, source);
    }

    [Fact]
    public async Task The_revision_read_from_a_real_repository_carries_the_remote_without_its_token()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        foreach (
            var arguments in new[]
            {
                new[] { "init", "--quiet" },
                [
                    "-c",
                    "user.name=t",
                    "-c",
                    "user.email=t@example.com",
                    "commit",
                    "--allow-empty",
                    "-qm",
                    "x",
                ],
                [
                    "remote",
                    "add",
                    "origin",
                    "https://ci-bot:ghp_S3cr3tT0ken@github.example/org/app.git",
                ],
            }
        )
        {
            await ToolRunner.Default.RunAsync(
                ToolCommand.For("git").WithArguments(arguments).WithWorkingDirectory(folder.Path),
                ToolOutput.Capture
            );
        }

        // Act
        var revision = await GitRevision.ReadAsync(folder.Path, CancellationToken.None);

        // Assert
        Assert.DoesNotContain("ghp_S3cr3tT0ken", revision.Source);
        Assert.DoesNotContain("ci-bot", revision.Source);
        if (Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is null)
        {
            Assert.Equal("https://github.example/org/app.git", revision.Source);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.5.6.7:80", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("localhost", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("127.0.0.1.nip.io:5000", false)]
    [InlineData("127.0.0.1.registry.example", false)]
    [InlineData("localhost.registry.example:5000", false)]
    [InlineData("localhostile.example", false)]
    [InlineData("127.1:5000", false)]
    [InlineData("10.0.0.1:5000", false)]
    [InlineData("ghcr.io", false)]
    public void Tls_verification_is_off_only_when_the_registry_host_itself_is_loopback(
        string registry,
        bool loopback
    )
    {
        // Act
        var target = RegistryTarget.Parse(registry);

        // Assert
        Assert.Equal(loopback, target.IsLoopback);
        Assert.Equal(loopback, RegistryTarget.IsLoopbackHost(registry + "/base:1"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_registry_auth_file_is_owner_only_from_the_start_and_gone_after_the_push()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var authFolder = Path.Combine(folder.Path, "registry-auth-1");
        const string token = "ghp_R3g1stryT0ken";

        // Act
        string path;
        string json;
        UnixFileMode fileMode;
        UnixFileMode folderMode;
        using (
            var login = await RegistryAuth.WriteAsync(
                authFolder,
                "ghcr.io",
                "ci-bot",
                token,
                CancellationToken.None
            )
        )
        {
            path = login.Path;
            json = await File.ReadAllTextAsync(path);
            fileMode = File.GetUnixFileMode(path);
            folderMode = File.GetUnixFileMode(authFolder);
        }

        // Assert
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, fileMode);
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            folderMode
        );
        Assert.Contains("\"ghcr.io\"", json);
        Assert.Contains(Convert.ToBase64String("ci-bot:ghp_R3g1stryT0ken"u8.ToArray()), json);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(authFolder));
    }
}
