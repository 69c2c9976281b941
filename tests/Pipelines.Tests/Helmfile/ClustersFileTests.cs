using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.TestServers;

namespace Pipelines.Tests.Helmfile;

public sealed class ClustersFileTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void The_project_clusters_file_has_two_live_clusters_per_environment_mid_migration()
    {
        // Arrange
        var root = AbsolutePath.Create(RepositoryRoot.Path);

        // Act
        var clusters = ClustersFile.Load(root / ClustersFile.DefaultPath, root);

        // Assert
        foreach (var environment in new[] { "test", "stage", "prod" })
        {
            var live = clusters.Where(c => c.Environment == environment && c.IsLive).ToList();
            Assert.Equal(2, live.Count);
            Assert.Contains(
                live,
                c => c.Name == $"{environment}-1-34-blue" && c.KubernetesVersion == "1.34"
            );
            Assert.Contains(
                live,
                c => c.Name == $"{environment}-1-35-green" && c.Color == ClusterColor.Green
            );
        }
    }

    [Fact]
    public void A_cluster_named_against_the_convention_is_refused_with_the_expected_name()
    {
        // Arrange
        var path = _workspace.Write(
            "helmfile/clusters.yaml",
            "environments:\n  stage:\n    region: eu-west-1\n    clusters:\n      - name: stage-new\n        kubernetesVersion: \"1.33\"\n        kubeContext: x\n        color: green\n        state: active\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            ClustersFile.Load(path, _workspace.Root)
        );

        // Assert
        Assert.Contains("should be named 'stage-1-33-green'", error.Message);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void An_unknown_state_lists_the_valid_states()
    {
        // Arrange
        var path = _workspace.Write(
            "helmfile/clusters.yaml",
            "environments:\n  test:\n    region: eu-west-1\n    clusters:\n      - name: test-1-33-blue\n        kubernetesVersion: \"1.33\"\n        kubeContext: x\n        color: blue\n        state: gone\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            ClustersFile.Load(path, _workspace.Root)
        );

        // Assert
        Assert.Contains("state must be one of active, draining, retired", error.Message);
    }
}
