namespace Pipelines.Tests.Bootstrap;

/// <summary>End to end: README's main job, <c>./build.sh Sync --env stage --dry-run</c>, on a machine with no cluster.</summary>
public sealed class SyncScriptTests(RenderHelmfileScriptFixture fixture)
    : IClassFixture<RenderHelmfileScriptFixture>
{
    private const string NoKubeconfig = "/nonexistent/kubeconfig";

    [Fact]
    public async Task The_main_job_renders_and_shows_the_plan_per_stage_cluster_against_an_unknown_live_state()
    {
        // Act
        var result = await fixture.RunAsync(
            "Sync",
            "--env",
            "stage",
            "--dry-run",
            "--kubeconfig",
            NoKubeconfig
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        foreach (var cluster in new[] { "stage-1-34-blue", "stage-1-35-green" })
        {
            Assert.Contains($"{cluster} (Kubernetes", result.StandardOutput);
            Assert.Contains(
                $"{cluster}: dry run against an UNKNOWN live state",
                result.StandardOutput
            );
        }
        Assert.Contains("GROUP", result.StandardOutput);
        Assert.Contains("Deployment", result.StandardOutput);
        Assert.Contains("would apply; live state unknown", result.StandardOutput);
        Assert.Matches(@"RenderHelmfile\s+Succeeded", result.StandardOutput);
        Assert.Matches(@"Sync\s+Succeeded", result.StandardOutput);
    }

    [Fact]
    public async Task A_real_sync_with_no_reachable_cluster_fails_naming_each_cluster()
    {
        // Act
        var result = await fixture.RunAsync("Sync", "--env", "stage", "--kubeconfig", NoKubeconfig);

        // Assert
        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains(
            "no kubeconfig at /nonexistent/kubeconfig for context 'stage-1-34-blue'",
            result.StandardOutput + result.StandardError
        );
        Assert.Matches(@"Sync\s+Failed", result.StandardOutput);
    }
}
