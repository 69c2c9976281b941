using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// Post-renderers run as helm runs them (manifests on stdin, the release's output on stdout), chosen in helmfile's
/// order (the release's, then --post-renderer, then helmDefaults), and run again on every render.
/// </summary>
public sealed class PostRendererTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();

    public PostRendererTests()
    {
        _workspace.Write("charts/echo/Chart.yaml", "apiVersion: v2\nname: echo\nversion: 0.1.0\n");
        _workspace.Write(
            "charts/echo/templates/configmap.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: echo\ndata:\n  stage: helm\n"
        );
        // Replaces the stage with its name and arguments: shows which one ran, with what.
        foreach (var name in new[] { "release", "flag", "defaults" })
        {
            Script($"{name}.sh", $"sed \"s/stage: helm/stage: {name}$*/\"");
        }
    }

    public void Dispose() => _workspace.Dispose();

    private void Script(string name, string body)
    {
        var path = _workspace.Write($"helmfile/post/{name}", $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                path,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            );
        }
    }

    private static string State(string release = "", string defaults = "") =>
        $"""
            environments:
              test: {"{}"}
            ---
            {defaults}
            releases:
              - name: echo
                namespace: shop
                chart: ../charts/echo
            {release}

            """;

    private async Task<string> StageAsync(string state, TemplateFlags? flags = null) =>
        StateRender
            .Yaml(await StateRender.RenderAsync(_workspace, state, flags), "echo")
            .Split('\n')
            .Single(l => l.Contains("stage:"))
            .Trim();

    [Fact]
    public async Task A_post_renderer_reads_the_manifests_on_stdin_and_its_output_is_the_release()
    {
        // Act
        var stage = await StageAsync(
            State(),
            new TemplateFlags { PostRenderer = "post/flag.sh", PostRendererArgs = ["-a", "-b"] }
        );

        // Assert
        Assert.Equal("stage: flag-a -b", stage);
    }

    [Theory]
    [InlineData(true, true, "stage: release-r")]
    [InlineData(false, true, "stage: flag-f")]
    [InlineData(false, false, "stage: defaults-d")]
    public async Task The_post_renderer_is_the_release_one_then_the_flag_then_helmDefaults(
        bool onRelease,
        bool flag,
        string expected
    )
    {
        // Arrange
        var state = State(
            onRelease ? "    postRenderer: post/release.sh\n    postRendererArgs: [-r]" : "",
            "helmDefaults:\n  postRenderer: post/defaults.sh\n  postRendererArgs: [-d]"
        );
        var flags = flag
            ? new TemplateFlags { PostRenderer = "post/flag.sh", PostRendererArgs = ["-f"] }
            : null;

        // Act
        var stage = await StageAsync(state, flags);

        // Assert
        Assert.Equal(expected, stage);
    }

    [Fact]
    public async Task The_post_renderer_runs_again_when_helm_output_comes_from_the_cache()
    {
        // Arrange
        var flags = new TemplateFlags { PostRenderer = "post/flag.sh" };
        await StageAsync(State(), flags);
        Script("flag.sh", "sed \"s/stage: helm/stage: changed/\"");

        // Act
        var result = await StateRender.RenderAsync(_workspace, State(), flags);

        // Assert
        Assert.True(result.Clusters.Single().Releases.Single().FromCache);
        Assert.Contains("stage: changed", StateRender.Yaml(result, "echo"));
    }

    [Fact]
    public async Task A_failing_post_renderer_is_an_error_with_its_exit_code_and_what_it_said()
    {
        // Arrange
        Script("broken.sh", "echo 'kustomize: no kustomization.yaml' >&2\nexit 3");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StageAsync(State(), new TemplateFlags { PostRenderer = "post/broken.sh" })
        );

        // Assert
        Assert.Contains("release 'echo' for cluster test-1-35-green: post-renderer", error.Message);
        Assert.Contains("exit code 3", error.Message);
        Assert.Contains("kustomize: no kustomization.yaml", error.Message);
    }

    [Theory]
    [InlineData("post/missing.sh", "does not exist")]
    [InlineData("no-such-post-renderer-x7", "is not on PATH")]
    public async Task A_post_renderer_that_cannot_be_found_is_a_usage_error_saying_where_it_looked(
        string program,
        string expected
    )
    {
        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() =>
            StageAsync(State(), new TemplateFlags { PostRenderer = program })
        );

        // Assert
        Assert.Contains(
            $"--post-renderer: release 'echo': post-renderer '{program}' {expected}",
            error.Message
        );
    }
}
