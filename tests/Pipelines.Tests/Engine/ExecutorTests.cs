using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tests.Engine;

public class ExecutorTests
{
    private sealed class FailingBuild : RecordingBuild
    {
        Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        Target Test =>
            _ =>
                _.DependsOn(Compile)
                    .Executes(() =>
                    {
                        Record(nameof(Test));
                        throw new InvalidOperationException("3 tests failed");
                    });

        Target Pack => _ => _.DependsOn(Test).Executes(() => Record(nameof(Pack)));

        Target Docs => _ => _.Executes(() => Record(nameof(Docs)));

        Target Lint => _ => _.ProceedAfterFailure().Executes(() => Record(nameof(Lint)));

        Target PackLater =>
            _ => _.DependsOn(Test).ProceedAfterFailure().Executes(() => Record(nameof(PackLater)));

        Target Cleanup =>
            _ => _.DependsOn(Test).AssuredAfterFailure().Executes(() => Record(nameof(Cleanup)));

        Target Misuse =>
            _ => _.Executes(() => throw new UsageException("--cluster must name a cluster"));

        Target Reporting =>
            _ =>
                _.Executes(() =>
                {
                    Report("digest", "sha256:abc");
                    Report("tag", 42);
                });
    }

    private sealed class ConcurrentBuild : RecordingBuild
    {
        readonly TaskCompletionSource _leftStarted = new(
            TaskCreationOptions.RunContinuationsAsynchronously
        );
        readonly TaskCompletionSource _rightStarted = new(
            TaskCreationOptions.RunContinuationsAsynchronously
        );
        int _running;
        int _maxRunning;

        public int MaxRunning => _maxRunning;

        Target Left => _ => _.Executes(() => Rendezvous(nameof(Left), _leftStarted, _rightStarted));

        Target Right =>
            _ => _.Executes(() => Rendezvous(nameof(Right), _rightStarted, _leftStarted));

        Target First => _ => _.Executes(() => Track(nameof(First)));

        Target Second => _ => _.Executes(() => Track(nameof(Second)));

        /// <summary>Completes only when the other target has started too: proof that both run at once.</summary>
        async Task Rendezvous(string name, TaskCompletionSource mine, TaskCompletionSource other)
        {
            mine.SetResult();
            Log.Info($"{name} is waiting");
            await other.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Record(name);
        }

        async Task Track(string name)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _maxRunning, now);
            Record(name + " start");
            await Task.Delay(20);
            Record(name + " end");
            Interlocked.Decrement(ref _running);
        }

        static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value)
            {
                Interlocked.CompareExchange(ref target, value, seen);
            }
        }
    }

    private sealed class CancellableBuild : RecordingBuild
    {
        public TaskCompletionSource Started { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        Target Wait =>
            _ =>
                _.Executes(async ct =>
                {
                    Started.SetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                    Record(nameof(Wait));
                });

        Target Next => _ => _.DependsOn(Wait).Executes(() => Record(nameof(Next)));
    }

    [Fact]
    public async Task A_failing_target_exits_with_1_and_later_targets_are_not_run()
    {
        // Arrange
        var build = new FailingBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Pack", "Docs");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Executed);
        Assert.Equal(TargetStatus.Failed, result.StatusOf("Test"));
        Assert.Equal(TargetStatus.NotRun, result.StatusOf("Pack"));
        Assert.Equal(TargetStatus.NotRun, result.StatusOf("Docs"));
        Assert.Contains("3 tests failed", result.Error);
    }

    [Fact]
    public async Task ProceedAfterFailure_runs_after_an_unrelated_failure_but_not_after_its_own_dependency_failed()
    {
        // Arrange
        var build = new FailingBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Test", "Lint", "PackLater");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Lint", build.Executed);
        Assert.DoesNotContain("PackLater", build.Executed);
        Assert.Equal(TargetStatus.NotRun, result.StatusOf("PackLater"));
    }

    [Fact]
    public async Task AssuredAfterFailure_runs_even_when_its_own_dependency_failed()
    {
        // Arrange
        var build = new FailingBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Cleanup");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Compile", "Test", "Cleanup"], build.Executed);
        Assert.Equal(TargetStatus.Succeeded, result.StatusOf("Cleanup"));
    }

    [Fact]
    public async Task A_target_throwing_a_usage_error_exits_with_2()
    {
        // Arrange
        var build = new FailingBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Misuse");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cluster must name a cluster", result.Error);
        Assert.Equal(TargetStatus.Failed, result.StatusOf("Misuse"));
    }

    [Fact]
    public async Task Reported_values_appear_in_the_summary_note()
    {
        // Arrange
        var build = new FailingBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Reporting");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("digest: sha256:abc; tag: 42", result.NoteOf("Reporting"));
    }

    [Fact]
    public async Task Parallel_2_runs_two_independent_targets_at_the_same_time()
    {
        // Arrange
        var build = new ConcurrentBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Left+Right", "--parallel", "2");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Left", "Right"], build.Executed.Order());
    }

    [Fact]
    public async Task Lines_written_by_parallel_targets_are_prefixed_with_the_target_name()
    {
        // Arrange
        var build = new ConcurrentBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Left+Right", "--parallel", "2");

        // Assert
        Assert.Contains("[Left] Left is waiting\n", result.Output);
        Assert.Contains("[Right] Right is waiting\n", result.Output);
    }

    [Fact]
    public async Task Targets_run_one_at_a_time_by_default()
    {
        // Arrange
        var build = new ConcurrentBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "First+Second");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, build.MaxRunning);
        Assert.Equal(["First start", "First end", "Second start", "Second end"], build.Executed);
    }

    [Fact]
    public async Task Cancelling_aborts_the_running_target_and_leaves_the_rest_not_run()
    {
        // Arrange
        var build = new CancellableBuild();
        using var harness = new BuildHarness();
        using var cancellation = new CancellationTokenSource();

        // Act
        var run = harness.RunAsync(build, null, cancellation.Token, "Next");
        await build.Started.Task.WaitAsync(BuildHarness.Guard);
        await cancellation.CancelAsync();
        var result = await run;

        // Assert
        Assert.Equal(130, result.ExitCode);
        Assert.Empty(build.Executed);
        Assert.Equal(TargetStatus.Aborted, result.StatusOf("Wait"));
        Assert.Equal(TargetStatus.NotRun, result.StatusOf("Next"));
        Assert.Contains("Build cancelled", result.Output);
    }
}
