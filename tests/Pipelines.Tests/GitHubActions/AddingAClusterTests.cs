using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Text;

namespace Pipelines.Tests.GitHubActions;

public sealed partial class AddingAClusterTests : IDisposable
{
    private readonly AbsolutePath _folder = AbsolutePath.Create(
        Path.Combine(Path.GetTempPath(), "pipelines-clusters", Guid.NewGuid().ToString("N"))
    );

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Adding_a_cluster_to_clusters_yaml_changes_only_matrix_lines()
    {
        // Arrange
        Directory.CreateDirectory(_folder);
        var copy = _folder / "clusters.yaml";
        var original = File.ReadAllText(GeneratedWorkflows.ClustersFile);
        const string NewCluster = """
                  - name: stage-1-36-blue
                    kubernetesVersion: "1.36"
                    kubeContext: stage-1-36-blue
                    color: blue
                    state: active
              prod:

            """;
        Assert.Contains("\n  prod:\n", original);
        File.WriteAllText(copy, original.Replace("  prod:\n", NewCluster));
        var before = GeneratedWorkflows.Generate();

        // Act
        var after = GeneratedWorkflows.Generate(copy);

        // Assert
        var changes = before
            .Zip(after)
            .Where(p => p.First.RelativePath.EndsWith(".yml", StringComparison.Ordinal))
            .ToDictionary(
                p => Path.GetFileName(p.First.RelativePath),
                p => ChangedLines(p.First.Content, p.Second.Content)
            );
        string[] newLeg =
        [
            "+          - env: stage",
            "+            cluster: stage-1-36-blue",
            "+            region: ap-northeast-1",
            "+            kube-context: stage-1-36-blue",
        ];
        Assert.Empty(changes["ci.yml"]);
        Assert.Empty(changes["provision.yml"]);
        Assert.Equal(newLeg, changes["cd.yml"]);
        Assert.Equal(newLeg, changes["review.yml"]);
        Assert.Equal(newLeg, changes["drift.yml"]);
        Assert.Contains(
            "stage-1-36-blue",
            GeneratedWorkflows
                .Parsed(copy)["cd.yml"]
                .MatrixRows("sync-stage")
                .Select(r => r["cluster"])
        );
    }

    /// <summary>The added and removed lines of a unified diff, without its headers and context.</summary>
    private static IReadOnlyList<string> ChangedLines(string before, string after) =>
        UnifiedDiff
            .Create(before, after, "a", "b")
            .Split('\n')
            .Where(l => ChangeLine().IsMatch(l))
            .ToList();

    [GeneratedRegex(@"^[+-](?![+-]{2} )")]
    private static partial Regex ChangeLine();
}
