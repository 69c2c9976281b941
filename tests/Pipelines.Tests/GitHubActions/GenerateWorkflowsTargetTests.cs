using Pipelines.Engine;
using Pipelines.Tests.Engine;

namespace Pipelines.Tests.GitHubActions;

/// <summary>The GenerateWorkflows target of the repository's build, run by the engine in a scratch root.</summary>
public sealed class GenerateWorkflowsTargetTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public GenerateWorkflowsTargetTests()
    {
        Directory.CreateDirectory(_harness.Root / "helmfile");
        File.Copy(GeneratedWorkflows.ClustersFile, _harness.Root / "helmfile" / "clusters.yaml");
    }

    public void Dispose() => _harness.Dispose();

    private AbsolutePath Workflows => _harness.Root / ".github" / "workflows";

    [Fact]
    public async Task It_writes_every_file_then_changes_nothing_and_removes_a_generated_workflow_no_longer_declared()
    {
        // Arrange
        var first = await _harness.RunAsync(new Build(), "GenerateWorkflows");
        var written = Directory.GetFiles(Workflows).Select(Path.GetFileName).Order().ToList();
        var stale = Workflows / "old.yml";
        File.WriteAllText(stale, File.ReadAllText(Workflows / "ci.yml"));
        var handWritten = Workflows / "manual.yml";
        File.WriteAllText(handWritten, "name: manual\n");

        // Act
        var second = await _harness.RunAsync(new Build(), "GenerateWorkflows");

        // Assert
        Assert.True(first.ExitCode == 0, first.AllOutput);
        Assert.Equal(["cd.yml", "ci.yml", "drift.yml", "provision.yml", "review.yml"], written);
        Assert.True(
            _harness.Root.FileExists is false
                && (_harness.Root / "docs" / "pipelines.md").FileExists
        );
        Assert.Equal(0, second.ExitCode);
        Assert.Contains(
            "Removed .github/workflows/old.yml: generated, and no longer declared",
            second.Output
        );
        Assert.DoesNotContain("Wrote", second.Output);
        Assert.False(stale.FileExists);
        Assert.True(handWritten.FileExists);
    }

    [Fact]
    public async Task Dry_run_prints_what_it_would_write_and_writes_nothing()
    {
        // Act
        var result = await _harness.RunAsync(new Build(), "GenerateWorkflows", "--dry-run");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[dry-run] would write .github/workflows/ci.yml:", result.Output);
        Assert.False(Workflows.DirectoryExists);
    }

    [Fact]
    public async Task A_broken_clusters_file_fails_with_its_name_and_writes_nothing()
    {
        // Arrange
        File.WriteAllText(
            _harness.Root / "helmfile" / "clusters.yaml",
            "environments: [unclosed\n"
        );

        // Act
        var result = await _harness.RunAsync(new Build(), "GenerateWorkflows");

        // Assert
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("helmfile/clusters.yaml", result.AllOutput);
        Assert.False(Workflows.DirectoryExists);
    }
}
