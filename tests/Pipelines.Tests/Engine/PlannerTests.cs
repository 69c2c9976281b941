using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

/// <summary>One target per kind of edge.</summary>
internal sealed class GraphBuild : RecordingBuild
{
    public Target Restore => _ => _.Executes(() => Record(nameof(Restore)));

    Target Compile => _ => _.DependsOn(Restore).Executes(() => Record(nameof(Compile)));

    Target Lint => _ => _.DependentFor(Compile).Executes(() => Record(nameof(Lint)));

    Target Clean => _ => _.Before(Restore).Executes(() => Record(nameof(Clean)));

    Target Publish =>
        _ => _.After(Compile).Triggers(Notify).Executes(() => Record(nameof(Publish)));

    Target Notify => _ => _.Executes(() => Record(nameof(Notify)));

    Target Audit => _ => _.TriggeredBy(Publish).Executes(() => Record(nameof(Audit)));

    Target BuildImage => _ => _.Executes(() => Record(nameof(BuildImage)));
}

public class PlannerTests
{
    private sealed class CyclicBuild : RecordingBuild
    {
        Target Start => _ => _.DependsOn(A).Executes(() => Record(nameof(Start)));

        Target A => _ => _.DependsOn(B).Executes(() => Record(nameof(A)));

        Target B => _ => _.DependsOn(A).Executes(() => Record(nameof(B)));
    }

    private sealed class WideBuild : RecordingBuild
    {
        Target Zeta => _ => _.Executes(() => Record(nameof(Zeta)));

        Target Alpha => _ => _.Executes(() => Record(nameof(Alpha)));

        Target Mid => _ => _.Executes(() => Record(nameof(Mid)));

        Target All => _ => _.DependsOn(Mid, Zeta, Alpha).Executes(() => Record(nameof(All)));
    }

    [Fact]
    public async Task Dependencies_run_before_the_target_that_needs_them()
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Compile");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "Lint", "Compile"], build.Executed);
    }

    [Fact]
    public async Task DependentFor_makes_the_declaring_target_a_dependency_of_the_named_one()
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        await BuildHarness.RunOnceAsync(build, "Compile");

        // Assert
        Assert.Contains("Lint", build.Executed);
        Assert.True(
            build.Executed.ToList().IndexOf("Lint") < build.Executed.ToList().IndexOf("Compile")
        );
    }

    [Fact]
    public async Task After_and_Before_order_targets_but_do_not_schedule_them()
    {
        // Arrange
        var alone = new GraphBuild();
        var together = new GraphBuild();

        // Act
        await BuildHarness.RunOnceAsync(alone, "Restore");
        await BuildHarness.RunOnceAsync(together, "Restore+Clean");

        // Assert
        Assert.Equal(["Restore"], alone.Executed);
        Assert.Equal(["Clean", "Restore"], together.Executed);
    }

    [Fact]
    public async Task After_orders_a_target_behind_another_invoked_before_it()
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        await BuildHarness.RunOnceAsync(build, "Publish", "Compile");

        // Assert
        Assert.True(
            build.Executed.ToList().IndexOf("Compile") < build.Executed.ToList().IndexOf("Publish")
        );
    }

    [Fact]
    public async Task Triggers_and_TriggeredBy_schedule_targets_after_the_triggering_one()
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Publish");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Publish", "Notify", "Audit"], build.Executed);
    }

    [Fact]
    public async Task A_triggered_target_invoked_alone_does_not_run_its_trigger()
    {
        // Arrange
        var build = new GraphBuild();

        // Act
        await BuildHarness.RunOnceAsync(build, "Audit");

        // Assert
        Assert.Equal(["Audit"], build.Executed);
    }

    [Fact]
    public async Task A_cycle_is_a_usage_error_that_prints_its_path()
    {
        // Arrange
        var build = new CyclicBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Start");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A -> B -> A", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task Independent_dependencies_run_in_declared_order_on_every_run()
    {
        // Arrange
        var orders = new List<string>();

        // Act
        for (var run = 0; run < 5; run++)
        {
            var build = new WideBuild();
            await BuildHarness.RunOnceAsync(build, "All");
            orders.Add(string.Join(",", build.Executed));
        }

        // Assert
        Assert.All(orders, order => Assert.Equal("Mid,Zeta,Alpha,All", order));
    }

    [Fact]
    public void The_planner_gives_each_step_its_reason()
    {
        // Arrange
        var targets = TargetDiscovery.Discover(new GraphBuild());

        // Act
        var plan = ExecutionPlanner.Plan(targets, ["Publish", "Compile"], skip: null);

        // Assert
        var reasons = plan.Steps.ToDictionary(s => s.Target.Name, s => s.Reason);
        Assert.Equal("invoked", reasons["Publish"]);
        Assert.Equal("dependency of Compile", reasons["Restore"]);
        Assert.Equal("triggered by Publish", reasons["Notify"]);
        Assert.Equal("triggered by Publish", reasons["Audit"]);
        Assert.DoesNotContain("Clean", reasons.Keys);
    }
}
