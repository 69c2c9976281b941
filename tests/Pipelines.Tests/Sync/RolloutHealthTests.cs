using Pipelines.Sync;
using Pipelines.Tests.Sync.Diff;

namespace Pipelines.Tests.Sync;

/// <summary>RolloutHealth.Evaluate on live objects as the API server returns them (integers as long).</summary>
public sealed class RolloutHealthTests
{
    private static Dictionary<string, object?> Live(string yaml) => Manifests.FromYaml(yaml);

    [Fact]
    public void A_deployment_whose_controller_has_not_observed_the_new_generation_is_progressing()
    {
        // Arrange
        var live = Live(
            """
            kind: Deployment
            metadata: { name: web, generation: 3 }
            spec: { replicas: 2 }
            status: { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }
            """
        );

        // Act
        var (health, message) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Progressing, health);
        Assert.Contains("observe the new generation", message);
    }

    [Fact]
    public void A_deployment_with_every_replica_updated_and_available_is_healthy()
    {
        // Arrange
        var live = Live(
            """
            kind: Deployment
            metadata: { name: web, generation: 3 }
            spec: { replicas: 3 }
            status: { observedGeneration: 3, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }
            """
        );

        // Act
        var (health, message) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Healthy, health);
        Assert.Equal("3/3 available", message);
    }

    [Fact]
    public void A_deployment_with_replicas_still_updating_is_progressing()
    {
        // Arrange
        var live = Live(
            """
            kind: Deployment
            metadata: { name: web, generation: 3 }
            spec: { replicas: 3 }
            status: { observedGeneration: 3, updatedReplicas: 1, availableReplicas: 3 }
            """
        );

        // Act
        var (health, message) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Progressing, health);
        Assert.Equal("1/3 updated, 3/3 available", message);
    }

    [Fact]
    public void A_deployment_past_its_progress_deadline_is_degraded_with_the_reason()
    {
        // Arrange
        var live = Live(
            """
            kind: Deployment
            metadata: { name: web, generation: 2 }
            spec: { replicas: 2 }
            status:
              observedGeneration: 2
              updatedReplicas: 1
              availableReplicas: 1
              conditions:
                - type: Available
                  status: "True"
                - type: Progressing
                  status: "False"
                  reason: ProgressDeadlineExceeded
                  message: ReplicaSet "web-5d8" has timed out progressing.
            """
        );

        // Act
        var (health, message) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Degraded, health);
        Assert.Contains("ProgressDeadlineExceeded", message);
        Assert.Contains("timed out progressing", message);
    }

    [Theory]
    [InlineData(2, 2, 2, Health.Healthy)]
    [InlineData(3, 2, 3, Health.Progressing)]
    [InlineData(3, 3, 1, Health.Progressing)]
    public void A_daemon_set_is_healthy_when_every_scheduled_pod_is_updated_and_available(
        long desired,
        long updated,
        long available,
        Health expected
    )
    {
        // Arrange
        var live = Live(
            $$"""
            kind: DaemonSet
            metadata: { name: agent, generation: 1 }
            status:
              observedGeneration: 1
              desiredNumberScheduled: {{desired}}
              updatedNumberScheduled: {{updated}}
              numberAvailable: {{available}}
            """
        );

        // Act
        var (health, _) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(expected, health);
    }

    [Theory]
    [InlineData(3, 3, Health.Healthy)]
    [InlineData(3, 2, Health.Progressing)]
    public void A_stateful_set_is_healthy_when_every_replica_is_updated_and_ready(
        long updated,
        long ready,
        Health expected
    )
    {
        // Arrange
        var live = Live(
            $$"""
            kind: StatefulSet
            metadata: { name: db, generation: 4 }
            spec: { replicas: 3 }
            status: { observedGeneration: 4, updatedReplicas: {{updated}}, readyReplicas: {{ready}} }
            """
        );

        // Act
        var (health, _) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(expected, health);
    }

    [Fact]
    public void A_stateful_set_behind_its_generation_is_progressing()
    {
        // Arrange
        var live = Live(
            """
            kind: StatefulSet
            metadata: { name: db, generation: 5 }
            spec: { replicas: 1 }
            status: { observedGeneration: 4, updatedReplicas: 1, readyReplicas: 1 }
            """
        );

        // Act
        var (health, _) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Progressing, health);
    }
}
