using Pipelines.Images;

namespace Pipelines.Tests.Images;

/// <summary>
/// A fresh clone pushes the sample with no other step: with --registry local and no BASE_IMAGE, BuildImage builds
/// the busybox base into the local registry first (real buildah, real docker-registry). Other registries must be told.
/// </summary>
public class SampleBaseTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task PushImage_to_the_local_registry_builds_the_sample_base_there_first_when_no_base_is_given()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        var repositories =
            workspace.Root
            / ".nuke"
            / "temp"
            / "registry"
            / "data"
            / "docker"
            / "registry"
            / "v2"
            / "repositories";

        // Act
        var result = await workspace.RunAsync(
            "PushImage",
            "--app",
            "web",
            "--image-builder",
            "buildah"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "Built the sample base 127.0.0.1:",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.True(
            Directory.Exists(repositories / "base" / "_manifests" / "tags" / "busybox"),
            result.AllOutput
        );
        Assert.True(
            Directory.Exists(repositories / "web" / "_manifests" / "tags" / workspace.ShortSha),
            result.AllOutput
        );
        Assert.StartsWith("127.0.0.1:", workspace.ImageJson.Repository, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_registry_without_a_base_is_a_usage_error_naming_the_build_argument()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();

        // Act
        var result = await workspace.RunAsync(
            "BuildImage",
            "--app",
            "web",
            "--image-builder",
            "buildah",
            "--registry",
            registry.Host
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "builds FROM ${BASE_IMAGE}, which has no default: pass --build-arg BASE_IMAGE=<image>",
            result.AllOutput,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("sample base", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_to_the_local_registry_prints_the_base_build_and_builds_nothing()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();

        // Act
        var result = await workspace.RunAsync(
            "BuildImage",
            "--app",
            "web",
            "--image-builder",
            "buildah",
            "--dry-run"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("would build the sample base", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "--build-arg 'BASE_IMAGE=127.0.0.1:<port>/base:busybox'",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.False(Directory.Exists(workspace.Root / ".nuke" / "temp" / "registry"));
        Assert.False(Directory.Exists(workspace.Root / ".nuke" / "temp" / "sample-base"));
    }

    [Fact]
    public void Only_a_static_executable_counts_as_a_base_for_scratch()
    {
        // Arrange
        const string staticBusybox = "/bin/busybox";
        const string dynamicLs = "/bin/ls";

        // Act
        var busyboxIsStatic = Elf.IsStaticExecutable(staticBusybox);
        var lsIsStatic = Elf.IsStaticExecutable(dynamicLs);

        // Assert
        Assert.True(busyboxIsStatic);
        Assert.False(lsIsStatic);
    }
}
