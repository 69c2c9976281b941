using Pipelines.Engine;
using Pipelines.Images;
using Pipelines.Tests.Engine;
using Pipelines.Tools;

namespace Pipelines.Tests.Images;

/// <summary>
/// The registry goes away between BuildImage and PushImage, inside one run of the engine: PushImage retries a
/// bounded number of times with backoff, then fails naming the registry, and the run exits 1.
/// </summary>
public class RegistryStoppedMidRunTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task A_registry_stopped_after_BuildImage_gets_bounded_retries_then_an_error_naming_it_and_exit_1()
    {
        // Arrange
        using var workspace = await ImageWorkspace.CreateAsync();
        var target = await LocalRegistry.StartAsync(
            workspace.Root / ".nuke" / "temp" / "doomed-registry",
            default
        );
        var build = new StopRegistryBetweenBuildAndPush(target);

        // Act
        BuildResult<StopRegistryBetweenBuildAndPush> result;
        try
        {
            result = await workspace.RunAsync(
                build,
                "StopRegistry",
                "PushImage",
                "--image-builder",
                "buildah",
                "--registry",
                target.Host,
                "--build-arg",
                $"BASE_IMAGE={registry.BaseImage}"
            );
        }
        finally
        {
            if (!build.Stopped)
            {
                await target.DisposeAsync(); // The run failed before it got there.
            }
        }

        // Assert
        Assert.True(result.ExitCode == 1, result.AllOutput);
        Assert.Equal(TargetStatus.Succeeded, result.StatusOf("BuildImage"));
        Assert.Equal(TargetStatus.Succeeded, result.StatusOf("StopRegistry"));
        Assert.Equal(TargetStatus.Failed, result.StatusOf("PushImage"));
        Assert.True(build.Stopped);
        Assert.Contains(
            $"Registry {target.Host} did not answer after {RegistryRetry.MaxAttempts} attempts",
            result.AllOutput,
            StringComparison.Ordinal
        );
        var retries = result
            .AllOutput.Split('\n')
            .Count(l =>
                l.Contains($" of {RegistryRetry.MaxAttempts} in ", StringComparison.Ordinal)
            );
        Assert.Equal(RegistryRetry.MaxAttempts - 1, retries);
        Assert.False(File.Exists(workspace.Root / ".nuke" / "temp" / "image.json"));
    }

    [Fact]
    public async Task A_transient_failure_is_tried_exactly_MaxAttempts_times_then_names_the_registry()
    {
        // Arrange
        var target = RegistryTarget.Parse("127.0.0.1:1");
        var attempts = 0;

        // Act
        var error = await Assert.ThrowsAsync<RegistryUnavailableException>(() =>
            RegistryRetry.RunAsync<int>(
                target,
                _ =>
                {
                    attempts++;
                    throw new ToolException(
                        "skopeo inspect --raw docker://127.0.0.1:1/web:x",
                        1,
                        "dial tcp 127.0.0.1:1: connect: connection refused"
                    );
                },
                default
            )
        );

        // Assert
        Assert.Equal(RegistryRetry.MaxAttempts, attempts);
        Assert.StartsWith(
            $"Registry 127.0.0.1:1 did not answer after {RegistryRetry.MaxAttempts} attempts",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_not_retried()
    {
        // Arrange
        var attempts = 0;

        // Act
        var error = await Assert.ThrowsAsync<ToolException>(() =>
            RegistryRetry.RunAsync<int>(
                RegistryTarget.Parse("127.0.0.1:1"),
                _ =>
                {
                    attempts++;
                    throw new ToolException(
                        "buildah push",
                        125,
                        "unauthorized: authentication required"
                    );
                },
                default
            )
        );

        // Assert
        Assert.Equal(1, attempts);
        Assert.Contains("unauthorized", error.Detail, StringComparison.Ordinal);
    }
}

/// <summary>The image component plus a target that stops the registry after BuildImage and before PushImage.</summary>
internal sealed class StopRegistryBetweenBuildAndPush(LocalRegistry registry)
    : PipelineBuild,
        IContainerImage
{
    public bool Stopped { get; private set; }

    Target StopRegistry =>
        _ =>
            _.DependsOn<IContainerImage>(x => x.BuildImage)
                .Before<IContainerImage>(x => x.PushImage)
                .Executes(async () =>
                {
                    await registry.DisposeAsync();
                    Stopped = true;
                });
}
