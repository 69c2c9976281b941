using Pipelines.Sync;
using Pipelines.Tests.Sync.Diff;

namespace Pipelines.Tests.Sync;

/// <summary>RolloutHealth.Evaluate for Jobs and for kinds without a rollout.</summary>
public sealed class JobHealthTests
{
    private static Dictionary<string, object?> Live(string yaml) => Manifests.FromYaml(yaml);

    [Fact]
    public void A_job_with_all_completions_succeeded_is_healthy()
    {
        // Arrange
        var live = Live(
            """
            kind: Job
            metadata: { name: migrate }
            spec: { completions: 2 }
            status: { succeeded: 2 }
            """
        );

        // Act
        var (health, message) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Healthy, health);
        Assert.Equal("completed", message);
    }

    [Fact]
    public void A_job_still_running_is_progressing_with_its_completions()
    {
        // Arrange
        var live = Live("kind: Job\nmetadata: { name: migrate }\nstatus: { active: 1 }\n");

        // Act
        var (health, message) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Progressing, health);
        Assert.Equal("0 of 1 completions", message);
    }

    [Fact]
    public void A_failed_job_is_degraded_with_the_reason()
    {
        // Arrange
        var live = Live(
            """
            kind: Job
            metadata: { name: migrate }
            status:
              failed: 6
              conditions:
                - type: Failed
                  status: "True"
                  reason: BackoffLimitExceeded
                  message: Job has reached the specified backoff limit
            """
        );

        // Act
        var (health, message) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Degraded, health);
        Assert.Contains("BackoffLimitExceeded", message);
    }

    [Fact]
    public void Any_other_kind_is_healthy_once_applied()
    {
        // Arrange
        var live = Live("kind: ConfigMap\nmetadata: { name: settings }\n");

        // Act
        var (health, _) = RolloutHealth.Evaluate(live);

        // Assert
        Assert.Equal(Health.Healthy, health);
    }
}
