using k8s.Models;
using Pipelines.Sync;
using Pipelines.Tests.Sync.Diff;

namespace Pipelines.Tests.Sync;

/// <summary>RolloutHealth on KubernetesClient's models, and the conversion from the plain data Sync holds.</summary>
public sealed class TypedHealthTests
{
    [Fact]
    public void A_deployment_model_with_every_replica_available_is_healthy()
    {
        // Arrange
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web", Generation = 2 },
            Spec = new V1DeploymentSpec { Replicas = 2 },
            Status = new V1DeploymentStatus
            {
                ObservedGeneration = 2,
                UpdatedReplicas = 2,
                AvailableReplicas = 2,
            },
        };

        // Act
        var (health, message) = RolloutHealth.Evaluate(deployment);

        // Assert
        Assert.Equal((Health.Healthy, "2/2 available"), (health, message));
    }

    [Fact]
    public void A_deployment_without_replicas_in_its_spec_wants_one_as_the_api_server_defaults()
    {
        // Arrange
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web", Generation = 1 },
            Status = new V1DeploymentStatus { ObservedGeneration = 1 },
        };

        // Act
        var (health, message) = RolloutHealth.Evaluate(deployment);

        // Assert
        Assert.Equal((Health.Progressing, "0/1 updated, 0/1 available"), (health, message));
    }

    [Theory]
    [InlineData("Succeeded", Health.Healthy, "completed")]
    [InlineData("Failed", Health.Degraded, "pod failed: exit code 3")]
    [InlineData("Running", Health.Progressing, "pod Running")]
    public void A_hook_pod_read_from_live_data_is_judged_by_its_phase(
        string phase,
        Health expected,
        string message
    )
    {
        // Arrange
        var live = Manifests.FromYaml(
            $"apiVersion: v1\nkind: Pod\nmetadata: {{ name: migrate }}\nstatus: {{ phase: {phase}, message: exit code 3 }}\n"
        );

        // Act
        var result = RolloutHealth.EvaluateHookPod(live);

        // Assert
        Assert.Equal((expected, message), result);
    }
}
