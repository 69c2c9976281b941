using System.Diagnostics;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>
/// Runs a plan. With one slot it runs the plan's order exactly; with more, a target starts as soon as everything
/// it must follow has finished, in plan order among the ready ones. Failure rules follow NUKE: after a failure
/// only <c>ProceedAfterFailure</c> targets (whose dependencies succeeded) and <c>AssuredAfterFailure</c> targets
/// start; cancellation aborts the running targets and leaves the rest NotRun.
/// </summary>
internal sealed class Executor(ConsoleHost host, int maxParallel)
{
    private static readonly AsyncLocal<ExecutableTarget?> Running = new();

    /// <summary>The target whose action is executing in the current async flow, for reported values.</summary>
    public static ExecutableTarget? CurrentTarget => Running.Value;

    private bool Parallel => maxParallel > 1;

    public async Task RunAsync(ExecutionPlan plan, CancellationToken cancellationToken)
    {
        foreach (var step in plan.Steps.Where(s => s.IsSkipped))
        {
            step.Target.Status = TargetStatus.Skipped;
            step.Target.Notes.Add(step.SkipReason!);
        }
        var scheduled = plan.ToRun.ToHashSet();
        var pending = plan.ToRun.ToList();
        var running = new Dictionary<Task, ExecutableTarget>();
        while (pending.Count > 0 || running.Count > 0)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                foreach (var target in pending.ToList())
                {
                    if (running.Count >= maxParallel)
                    {
                        break;
                    }
                    var waitsFor = ExecutionPlanner.Predecessors(target, scheduled);
                    if (waitsFor.Any(p => pending.Contains(p) || running.ContainsValue(p)))
                    {
                        continue;
                    }
                    pending.Remove(target);
                    if (ReasonNotToRun(target, plan) is { } reason)
                    {
                        target.Notes.Add(reason);
                        continue;
                    }
                    target.Status = TargetStatus.Running;
                    running[
                        Task.Run(
                            () => RunTargetAsync(target, cancellationToken),
                            CancellationToken.None
                        )
                    ] = target;
                }
            }
            if (running.Count == 0)
            {
                break; // cancelled before anything else could start: the rest stays NotRun
            }
            running.Remove(await Task.WhenAny(running.Keys));
        }
        foreach (var target in pending)
        {
            target.Notes.Add(
                cancellationToken.IsCancellationRequested ? "cancelled" : "not reached"
            );
        }
    }

    private static string? ReasonNotToRun(ExecutableTarget target, ExecutionPlan plan)
    {
        var definition = target.Definition;
        if (definition.Assured)
        {
            return null;
        }
        var broken = target.Dependencies.FirstOrDefault(d =>
            plan.Find(d) is not null
            && d.Status is not (TargetStatus.Succeeded or TargetStatus.Skipped)
        );
        if (broken is not null)
        {
            return $"dependency {broken.Name} {broken.Status.ToString().ToLowerInvariant()}";
        }
        var failed = plan.Steps.FirstOrDefault(s => s.Target.Status == TargetStatus.Failed);
        return failed is not null && !definition.Proceeds
            ? $"{failed.Target.Name} failed earlier"
            : null;
    }

    private async Task RunTargetAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
        Running.Value = target;
        SecretMaskingWriter.SetLinePrefix(Parallel ? target.Name : null);
        var stopwatch = Stopwatch.StartNew();
        var started = false;
        try
        {
            // Checked before the header, so a target skipped here does not print one.
            var falseCondition = target.Definition.DynamicConditions.FirstOrDefault(c =>
                !c.Evaluate()
            );
            if (falseCondition is not null)
            {
                target.Status = TargetStatus.Skipped;
                target.Notes.Add($"condition false: {falseCondition.Text}");
                return;
            }
            host.TargetStarted(target, Parallel);
            started = true;
            foreach (var action in target.Definition.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await action(cancellationToken);
            }
            target.Status = TargetStatus.Succeeded;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            target.Status = TargetStatus.Aborted;
            target.Notes.Add("cancelled");
        }
        catch (Exception exception)
        {
            target.Status = TargetStatus.Failed;
            target.Exception = exception;
            target.Notes.Add(FirstLine(exception.Message));
            ReportFailure(exception);
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            if (started)
            {
                host.TargetFinished(target, Parallel);
            }
            SecretMaskingWriter.SetLinePrefix(null);
            Running.Value = null;
        }
    }

    private void ReportFailure(Exception exception)
    {
        var located =
            exception as SourceLocatedException
            ?? exception.InnerException as SourceLocatedException;
        var detail =
            exception is IExplainedFailure || exception.StackTrace is null
                ? exception.Message
                : exception.ToString();
        host.Error(located?.Message ?? detail, located?.File, located?.Line);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
