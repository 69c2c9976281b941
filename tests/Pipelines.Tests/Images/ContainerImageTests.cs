using System.Text.Json;
using Pipelines.Images;
using Pipelines.Tools;

namespace Pipelines.Tests.Images;

/// <summary>BuildImage and PushImage with real buildah, skopeo and docker-registry.</summary>
public class ContainerImageTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private string[] Push(params string[] more) =>
        [
            "PushImage",
            "--app",
            "web",
            "--image-builder",
            "buildah",
            "--registry",
            registry.Host,
            "--build-arg",
            $"BASE_IMAGE={registry.BaseImage}",
            .. more,
        ];

    [Fact]
    public async Task PushImage_pushes_the_sample_under_its_git_tags_with_the_digest_in_image_json_and_the_revision_in_its_labels()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        await workspace.GitAsync("tag", "v1.2.3");

        // Act
        var result = await workspace.RunAsync(Push("--tag", "extra"));

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var image = workspace.ImageJson;
        Assert.Equal($"{registry.Host}/web", image.Repository);
        Assert.Equal([workspace.ShortSha, "1.2.3", "extra"], image.Tags);
        Assert.Equal(workspace.Sha, image.Revision);
        foreach (var tag in image.Tags)
        {
            Assert.Equal(image.Digest, await registry.DigestOfAsync("web", tag));
        }
        var labels = await LabelsAsync($"{registry.Host}/web:{workspace.ShortSha}");
        Assert.Equal(workspace.Sha, labels["org.opencontainers.image.revision"]);
        Assert.Equal("1.2.3", labels["org.opencontainers.image.version"]);
        Assert.Equal("web", labels["org.opencontainers.image.title"]);
        Assert.True(labels.ContainsKey("org.opencontainers.image.created"));
    }

    [Fact]
    public async Task Pushing_the_same_build_twice_is_a_no_op_the_second_time()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        var first = await workspace.RunAsync(Push());
        var firstDigest = workspace.ImageJson.Digest;

        // Act
        var second = await workspace.RunAsync(Push());

        // Assert
        Assert.True(first.ExitCode == 0, first.AllOutput);
        Assert.True(second.ExitCode == 0, second.AllOutput);
        Assert.Contains("nothing to push", second.Output, StringComparison.Ordinal);
        Assert.Contains(
            "already pushed, no-op",
            second.NoteOf("PushImage"),
            StringComparison.Ordinal
        );
        Assert.Equal(firstDigest, workspace.ImageJson.Digest);
        Assert.Equal(firstDigest, await registry.DigestOfAsync("web", workspace.ShortSha));
    }

    [Fact]
    public async Task A_different_build_under_the_same_tag_is_refused_unless_retagging_is_allowed()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        var first = await workspace.RunAsync(Push());
        var firstDigest = workspace.ImageJson.Digest;
        File.WriteAllText(workspace.Root / "samples" / "web" / "www" / "index.html", "changed\n");

        // Act
        var refused = await workspace.RunAsync(Push());
        var afterRefusal = await registry.DigestOfAsync("web", workspace.ShortSha);
        var retagged = await workspace.RunAsync(Push("--allow-retag"));

        // Assert
        Assert.True(first.ExitCode == 0, first.AllOutput);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(
            $"{registry.Host}/web:{workspace.ShortSha} already exists with a different image",
            refused.AllOutput,
            StringComparison.Ordinal
        );
        Assert.Equal(firstDigest, afterRefusal);
        Assert.True(retagged.ExitCode == 0, retagged.AllOutput);
        Assert.NotEqual(firstDigest, workspace.ImageJson.Digest);
        Assert.Equal(
            workspace.ImageJson.Digest,
            await registry.DigestOfAsync("web", workspace.ShortSha)
        );
    }

    [Fact]
    public async Task A_registry_that_stopped_gets_bounded_retries_then_an_error_naming_it()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        var storage = workspace.Root / ".nuke" / "temp" / "stopped-registry";
        string stoppedHost;
        await using (var stopped = await LocalRegistry.StartAsync(storage, default))
        {
            stoppedHost = stopped.Host;
        }
        var args = Push().Select(a => a == registry.Host ? stoppedHost : a).ToArray();

        // Act
        var result = await workspace.RunAsync(args);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Pipelines.Engine.TargetStatus.Succeeded, result.StatusOf("BuildImage"));
        Assert.Contains(
            $"Registry {stoppedHost} did not answer after {RegistryRetry.MaxAttempts} attempts",
            result.AllOutput,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"attempt {RegistryRetry.MaxAttempts} of {RegistryRetry.MaxAttempts}",
            result.AllOutput,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_Dockerfile_with_an_error_fails_naming_its_line_and_pushes_nothing()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        var app = workspace.Root / "samples" / "broken";
        Directory.CreateDirectory(app);
        File.WriteAllText(
            app / "Dockerfile",
            "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n# the next line copies what is not there\nCOPY missing /www\n"
        );
        var args = Push().Select(a => a == "web" ? "broken" : a).ToArray();

        // Act
        var result = await workspace.RunAsync(args);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{app / "Dockerfile"}:4", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("missing", result.AllOutput, StringComparison.Ordinal);
        Assert.False(await registry.HasRepositoryAsync("broken"));
    }

    [Fact]
    public async Task An_unknown_app_is_a_usage_error_listing_the_valid_apps()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        var args = Push().Select(a => a == "web" ? "wbe" : a).ToArray();

        // Act
        var result = await workspace.RunAsync(args);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "Unknown app 'wbe'. Did you mean 'web'? Valid: web",
            result.AllOutput,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_dry_run_prints_the_builder_commands_and_the_reference_and_leaves_the_registry_untouched()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();

        // Act
        var result = await workspace.RunAsync(Push("--dry-run"));

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("buildah --root", result.Output, StringComparison.Ordinal);
        Assert.Contains("bud --isolation chroot --layers", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            $"docker://{registry.Host}/web:{workspace.ShortSha}",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Null(await registry.DigestOfAsync("web", workspace.ShortSha));
        Assert.False(File.Exists(workspace.Root / ".nuke" / "temp" / "image.json"));
    }

    private static async Task<Dictionary<string, string>> LabelsAsync(string reference)
    {
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand
                .For("skopeo")
                .WithArguments("inspect", "--tls-verify=false", $"docker://{reference}"),
            ToolOutput.Capture
        );
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document
            .RootElement.GetProperty("Labels")
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }
}
