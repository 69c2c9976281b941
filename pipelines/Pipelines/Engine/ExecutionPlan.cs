namespace Pipelines.Engine;

/// <summary>The scheduled targets in execution order, each with why it is there and whether it is skipped.</summary>
internal sealed record ExecutionPlan(
    IReadOnlyList<PlannedTarget> Steps,
    IReadOnlyList<ExecutableTarget> AllTargets
)
{
    public IEnumerable<ExecutableTarget> ToRun =>
        Steps.Where(s => s.SkipReason is null).Select(s => s.Target);

    public PlannedTarget? Find(ExecutableTarget target) =>
        Steps.FirstOrDefault(s => s.Target == target);
}

/// <summary>One step of the plan: "dependency of Sync", "triggered by PushImage", or "skipped: --skip".</summary>
internal sealed record PlannedTarget(ExecutableTarget Target, string Reason, string? SkipReason)
{
    public bool IsSkipped => SkipReason is not null;
}
