using System.Text.RegularExpressions;
using k8s;
using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Sync;
using Pipelines.TestServers.Kubernetes;
using Pipelines.Tools;

namespace Pipelines.Tests.Engine;

/// <summary>A build that logs at every level, runs a real process and calls a real (test) Kubernetes API.</summary>
internal sealed class ChattyBuild : RecordingBuild
{
    [Secret]
    [Parameter("A token the tool gets as an argument")]
    public string? Token { get; private set; }

    [Parameter("A kubeconfig whose context stage-eu points at the test API server")]
    public AbsolutePath? Kubeconfig { get; private set; }

    public Target Talk =>
        _ =>
            _.Executes(async ct =>
            {
                Log.Info("an info line");
                Log.Warning("a warning line");
                await ToolRunner.Default.RunAsync(
                    ToolCommand.For("echo").WithArguments("tool says hello", Token ?? "none"),
                    ToolOutput.Stream,
                    ct
                );
            });

    public Target CallApi =>
        _ =>
            _.Executes(async ct =>
            {
                var cluster = new ClusterDefinition
                {
                    Name = "stage-eu",
                    Environment = "stage",
                    KubernetesVersion = "1.34",
                    Region = "eu-west-1",
                    KubeContext = "stage-eu",
                    Color = ClusterColor.Blue,
                    State = ClusterState.Active,
                };
                using var client = KubeConnections.Create(cluster, Kubeconfig?.ToString());
                await client.CoreV1.ListNamespaceAsync(cancellationToken: ct);
            });
}

public class VerbosityTests
{
    [Fact]
    public async Task Quiet_prints_only_warnings_errors_and_the_summary()
    {
        // Arrange
        var build = new ChattyBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Talk", "--verbosity", "quiet");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: a warning line", result.Output);
        Assert.Equal(TargetStatus.Succeeded, result.StatusOf("Talk"));
        Assert.DoesNotContain("an info line", result.Output);
        Assert.DoesNotContain("tool says hello", result.Output);
        Assert.DoesNotContain("═══ Talk", result.Output);
    }

    [Fact]
    public async Task Normal_prints_log_lines_and_tool_output_but_not_tool_command_lines()
    {
        // Arrange
        var build = new ChattyBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Talk");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("═══ Talk", result.Output);
        Assert.Contains("an info line", result.Output);
        Assert.Contains("tool says hello none", result.Output);
        Assert.DoesNotContain("$ echo", result.Output);
    }

    [Fact]
    public async Task Verbose_adds_tool_command_lines_with_secrets_masked()
    {
        // Arrange
        var build = new ChattyBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(
            build,
            "Talk",
            "--verbosity",
            "verbose",
            "--token",
            "s3cr3t-value"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("$ echo 'tool says hello' ***\n", result.Output);
        Assert.Matches(@"echo exited with 0 after \d+ ms", result.Output);
        Assert.DoesNotContain("s3cr3t-value", result.AllOutput);
    }

    [Fact]
    public async Task Verbose_adds_each_Kubernetes_request_without_its_token()
    {
        // Arrange
        await using var server = await KubeApiTestServer.StartAsync();
        using var harness = new BuildHarness();
        var kubeconfig = harness.Root / "kubeconfig";
        server.WriteKubeconfig(kubeconfig, "stage-eu");
        var build = new ChattyBuild();

        // Act
        var verbose = await harness.RunAsync(
            build,
            "CallApi",
            "--kubeconfig",
            kubeconfig,
            "--verbosity",
            "verbose"
        );
        var normal = await harness.RunAsync(
            new ChattyBuild(),
            "CallApi",
            "--kubeconfig",
            kubeconfig
        );

        // Assert
        Assert.Equal(0, verbose.ExitCode);
        Assert.Matches(
            $@"HTTP GET {Regex.Escape(server.BaseUri.ToString())}api/v1/namespaces\?watch=false -> 200 \(\d+ ms\)",
            verbose.Output
        );
        Assert.DoesNotContain("test-token", verbose.AllOutput);
        Assert.Equal(0, normal.ExitCode);
        Assert.DoesNotContain("HTTP GET", normal.Output);
    }

    [Fact]
    public async Task An_unknown_verbosity_is_a_usage_error_listing_the_levels()
    {
        // Arrange
        var build = new ChattyBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Talk", "--verbosity", "loud");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expected one of Quiet, Normal, Verbose", result.AllOutput);
        Assert.Empty(build.Executed);
    }
}
