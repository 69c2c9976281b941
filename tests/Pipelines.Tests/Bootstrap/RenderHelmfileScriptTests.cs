using System.Text.RegularExpressions;

namespace Pipelines.Tests.Bootstrap;

/// <summary>End to end: <c>./build.sh RenderHelmfile</c> on a copy of the repository, with real dotnet and helm.</summary>
public sealed class RenderHelmfileScriptTests(RenderHelmfileScriptFixture fixture)
    : IClassFixture<RenderHelmfileScriptFixture>
{
    private static readonly string[] StageClusters = ["stage-1-34-blue", "stage-1-35-green"];

    [Fact]
    public void Help_lists_env_with_the_environments_the_helmfile_declares()
    {
        // Arrange
        var result = fixture.ColdHelp;

        // Act
        var output = result.StandardOutput;

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Matches(new Regex(@"^\s+RenderHelmfile\s", RegexOptions.Multiline), output);
        Assert.Matches(
            new Regex(
                @"^\s+--env <string>\s.*\n\s+values: test, stage, prod\b",
                RegexOptions.Multiline
            ),
            output
        );
    }

    [Fact]
    public async Task Rendering_stage_prints_both_clusters_and_writes_their_manifests()
    {
        // Act
        var result = await fixture.RunAsync("RenderHelmfile", "--env", "stage");

        // Assert
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains(
            "stage-1-34-blue (Kubernetes 1.34, active): 3 release(s)",
            result.StandardOutput
        );
        Assert.Contains(
            "stage-1-35-green (Kubernetes 1.35, active): 3 release(s)",
            result.StandardOutput
        );
        Assert.Contains("Written under .nuke/temp/rendered/stage/", result.StandardOutput);
        var files = fixture.RenderedFiles();
        foreach (var cluster in StageClusters)
        {
            Assert.Contains($"stage/{cluster}.yaml", files.Keys);
            Assert.Contains($"stage/{cluster}/web/web.yaml", files.Keys);
            Assert.Contains($"stage/{cluster}/logging/log-forwarder.yaml", files.Keys);
            Assert.Contains($"stage/{cluster}/monitoring/metrics-agent.yaml", files.Keys);
        }
        Assert.Contains("kind: Deployment", files["stage/stage-1-35-green/web/web.yaml"]);
    }

    [Fact]
    public async Task A_second_render_of_unchanged_config_reports_cache_hits_in_the_summary()
    {
        // Arrange
        var first = await fixture.RunAsync("RenderHelmfile", "--env", "stage");

        // Act
        var second = await fixture.RunAsync("RenderHelmfile", "--env", "stage");

        // Assert
        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.True(second.ExitCode == 0, second.Describe());
        var note = new Regex(
            @"^RenderHelmfile\s+Succeeded\s.*releases: (\d+); cache hits: (\d+)",
            RegexOptions.Multiline
        ).Match(second.StandardOutput);
        Assert.True(note.Success, second.Describe());
        Assert.Equal(note.Groups[1].Value, note.Groups[2].Value);
        Assert.Matches(@"web/web: \d+ object\(s\) \(cached\)", second.StandardOutput);
    }

    [Fact]
    public async Task A_misspelled_env_exits_2_suggesting_stage_with_the_valid_list()
    {
        // Act
        var result = await fixture.RunAsync("RenderHelmfile", "--env", "stag");

        // Assert
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains("Invalid value 'stag' for --env", result.StandardError);
        Assert.Contains("expected one of test, stage, prod", result.StandardError);
        Assert.Contains("Did you mean 'stage'?", result.StandardError);
    }

    [Fact]
    public async Task RenderHelmfile_without_env_exits_2_naming_the_env_parameter()
    {
        // Act
        var result = await fixture.RunAsync("RenderHelmfile");

        // Assert
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains("RenderHelmfile requires parameter --env", result.StandardError);
        Assert.Contains("PIPELINES_ENV", result.StandardError);
    }

    [Fact]
    public async Task Diff_right_after_a_render_exits_0_with_no_changes()
    {
        // Arrange
        var render = await fixture.RunAsync("RenderHelmfile", "--env", "stage");

        // Act
        var diff = await fixture.RunAsync("RenderHelmfile", "--env", "stage", "--diff");

        // Assert
        Assert.True(render.ExitCode == 0, render.Describe());
        Assert.True(diff.ExitCode == 0, diff.Describe());
        Assert.Contains("No changes against the previous render.", diff.StandardOutput);
        Assert.DoesNotContain("+++ ", diff.StandardOutput);
    }

    [Fact]
    public async Task Diff_after_a_values_change_exits_2_with_a_unified_diff_and_leaves_the_rendered_files()
    {
        // Arrange
        var render = await fixture.RunAsync("RenderHelmfile", "--env", "stage");
        Assert.True(render.ExitCode == 0, render.Describe());
        var before = fixture.RenderedFiles();
        var values = Path.Combine(fixture.Copy.Path, "helmfile", "values", "stage.yaml");
        var original = File.ReadAllText(values);
        Assert.Contains("  replicas: 2\n", original);
        File.WriteAllText(values, original.Replace("  replicas: 2\n", "  replicas: 4\n"));
        ProcessResult diff;
        try
        {
            // Act
            diff = await fixture.RunAsync("RenderHelmfile", "--env", "stage", "--diff");
        }
        finally
        {
            File.WriteAllText(values, original);
        }

        // Assert
        Assert.True(diff.ExitCode == 2, diff.Describe());
        var output = diff.StandardOutput;
        foreach (var cluster in StageClusters)
        {
            Assert.Contains($"changed: stage/{cluster}/web/web.yaml", output);
            Assert.Contains(
                $"--- a/stage/{cluster}/web/web.yaml\n+++ b/stage/{cluster}/web/web.yaml\n@@ ",
                output
            );
        }
        Assert.Contains("-  replicas: 2\n+  replicas: 4\n", output);
        Assert.Contains("2 rendered file(s) differ from the previous render.", diff.StandardError);
        Assert.Equal(before, fixture.RenderedFiles());
    }

    [Fact]
    public async Task An_unknown_cluster_exits_2_listing_the_live_clusters_of_the_environment()
    {
        // Act
        var result = await fixture.RunAsync(
            "RenderHelmfile",
            "--env",
            "stage",
            "--cluster",
            "nope"
        );

        // Assert
        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains(
            "Cluster 'nope' is not a live cluster of environment 'stage'.",
            result.StandardError
        );
        Assert.Contains("Live clusters: stage-1-34-blue, stage-1-35-green", result.StandardError);
    }
}
