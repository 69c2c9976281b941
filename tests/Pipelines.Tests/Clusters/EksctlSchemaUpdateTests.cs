using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tests.Charts;
using Pipelines.TestServers;

namespace Pipelines.Tests.Clusters;

/// <summary>UpdateEksctlSchema's download against a real HTTP server on 127.0.0.1 standing in for GitHub.</summary>
public sealed class EksctlSchemaUpdateTests : IDisposable
{
    private const string Old = "{\"the\": \"copy before the update\"}";
    private readonly TemporaryFolder _folder = new();
    private readonly EksctlSchemaUpdate _offline;

    public EksctlSchemaUpdateTests()
    {
        File.WriteAllText(Path.Combine(_folder.Path, EksctlSchemaUpdate.FileName), Old);
        _offline = Update("http://127.0.0.1:9");
    }

    [Fact]
    public async Task A_release_tag_replaces_the_copy_and_its_origin_note()
    {
        // Arrange
        var schema = await File.ReadAllTextAsync(ClusterConfigSchema.Path);
        await using var server = Serving($"/v0.220.0/{EksctlSchemaUpdate.SourcePath}", schema);

        // Act
        var url = await Update(server.BaseUrl).RunAsync("0.220.0", CancellationToken.None);

        // Assert
        Assert.Equal($"{server.BaseUrl}/v0.220.0/{EksctlSchemaUpdate.SourcePath}", url);
        Assert.Equal(schema, await File.ReadAllTextAsync(SchemaFile));
        var note = await File.ReadAllTextAsync(Path.Combine(_folder.Path, "README.md"));
        Assert.Contains("eksctl version: `v0.220.0`", note);
        Assert.Contains("Apache-2.0", note);
        Assert.Equal(["README.md", EksctlSchemaUpdate.FileName], FilesInFolder());
    }

    [Fact]
    public async Task Offline_the_update_fails_clearly_and_leaves_the_copy_unchanged()
    {
        // Arrange
        var version = "v0.220.0";

        // Act
        var failure = await Assert.ThrowsAsync<EksctlSchemaUpdateException>(() =>
            _offline.RunAsync(version, CancellationToken.None)
        );

        // Assert
        Assert.Contains(
            $"Could not download eksctl's ClusterConfig schema from http://127.0.0.1:9/v0.220.0/",
            failure.Message
        );
        Assert.Contains("No network", failure.Message);
        Assert.Contains("is unchanged", failure.Message);
        Assert.Equal(Old, await File.ReadAllTextAsync(SchemaFile));
        Assert.Equal([EksctlSchemaUpdate.FileName], FilesInFolder());
    }

    [Fact]
    public async Task An_answer_that_is_not_the_schema_leaves_the_copy_unchanged_and_no_temporary_file()
    {
        // Arrange: a proxy's error page served with 200, and a schema cut short.
        var schema = await File.ReadAllTextAsync(ClusterConfigSchema.Path);
        await using var server = new FileServer(
            new Dictionary<string, byte[]>
            {
                [$"/v0.1.0/{EksctlSchemaUpdate.SourcePath}"] = "<html>sign in</html>"u8.ToArray(),
                [$"/v0.2.0/{EksctlSchemaUpdate.SourcePath}"] = System.Text.Encoding.UTF8.GetBytes(
                    schema[..(schema.Length / 2)]
                ),
            }
        );
        var update = Update(server.BaseUrl);

        // Act
        var page = await Assert.ThrowsAsync<EksctlSchemaUpdateException>(() =>
            update.RunAsync("v0.1.0", CancellationToken.None)
        );
        var truncated = await Assert.ThrowsAsync<EksctlSchemaUpdateException>(() =>
            update.RunAsync("v0.2.0", CancellationToken.None)
        );

        // Assert
        Assert.Contains("not with a draft-07 JSON schema defining ClusterConfig", page.Message);
        Assert.Contains(
            "not with a draft-07 JSON schema defining ClusterConfig",
            truncated.Message
        );
        Assert.Equal(Old, await File.ReadAllTextAsync(SchemaFile));
        Assert.Equal([EksctlSchemaUpdate.FileName], FilesInFolder());
    }

    [Fact]
    public async Task A_version_eksctl_does_not_have_is_named_with_the_releases_page()
    {
        // Arrange
        await using var server = new FileServer(new Dictionary<string, byte[]>());

        // Act
        var failure = await Assert.ThrowsAsync<EksctlSchemaUpdateException>(() =>
            Update(server.BaseUrl).RunAsync("v9.9.9", CancellationToken.None)
        );

        // Assert
        Assert.Contains("HTTP 404", failure.Message);
        Assert.Contains("Is 'v9.9.9' an eksctl release tag or commit?", failure.Message);
        Assert.Contains("https://github.com/eksctl-io/eksctl/releases", failure.Message);
        Assert.Equal(Old, await File.ReadAllTextAsync(SchemaFile));
    }

    [Theory]
    [InlineData("0.220.0", "v0.220.0")]
    [InlineData("v0.221.0-rc.1", "v0.221.0-rc.1")]
    [InlineData(
        "99984ADB6164ECE593C0728523B7F497EA61D60E",
        "99984adb6164ece593c0728523b7f497ea61d60e"
    )]
    public void A_release_or_a_commit_names_the_git_reference(string version, string expected)
    {
        // Arrange
        var given = version;

        // Act
        var reference = EksctlSchemaUpdate.GitReference(given);

        // Assert
        Assert.Equal(expected, reference);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("main; rm -rf /")]
    [InlineData("../../etc/passwd")]
    public void Anything_else_is_a_usage_error_naming_the_releases_page(string version)
    {
        // Arrange
        var given = version;

        // Act
        var failure = Assert.Throws<UsageException>(() => EksctlSchemaUpdate.GitReference(given));

        // Assert
        Assert.Contains($"--eksctl-version '{version}'", failure.Message);
        Assert.Contains("https://github.com/eksctl-io/eksctl/releases", failure.Message);
    }

    [Fact]
    public async Task The_committed_origin_note_is_what_the_update_writes_for_the_committed_version()
    {
        // Arrange
        var committed = Path.Combine(Path.GetDirectoryName(ClusterConfigSchema.Path)!, "README.md");
        const string commit = "99984adb6164ece593c0728523b7f497ea61d60e";
        var schema = await File.ReadAllTextAsync(ClusterConfigSchema.Path);
        await using var server = Serving($"/{commit}/{EksctlSchemaUpdate.SourcePath}", schema);

        // Act
        await Update(server.BaseUrl).RunAsync(commit, CancellationToken.None);

        // Assert: the same note but for the host it came from.
        var written = await File.ReadAllTextAsync(Path.Combine(_folder.Path, "README.md"));
        Assert.Equal(
            await File.ReadAllTextAsync(committed),
            written.Replace(server.BaseUrl, EksctlSchemaUpdate.GitHubRawUrl)
        );
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(committed)!, "LICENSE-eksctl")));
    }

    public void Dispose() => _folder.Dispose();

    private string SchemaFile => Path.Combine(_folder.Path, EksctlSchemaUpdate.FileName);

    private EksctlSchemaUpdate Update(string baseUrl) =>
        new(AbsolutePath.Create(_folder.Path), baseUrl);

    private static FileServer Serving(string path, string content) =>
        new(
            new Dictionary<string, byte[]> { [path] = System.Text.Encoding.UTF8.GetBytes(content) }
        );

    private string[] FilesInFolder() =>
        [
            .. Directory
                .EnumerateFiles(_folder.Path)
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .Cast<string>(),
        ];
}
