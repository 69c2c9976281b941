namespace Pipelines.Engine;

/// <summary>
/// <c>--plan</c>: the ordered plan with why each target is in it, and <c>.nuke/temp/execution-plan.md</c>, a Mermaid
/// graph with solid arrows for dependencies, dotted ones for ordering and thick ones for triggers.
/// </summary>
internal static class PlanWriter
{
    public const string PlanFile = "execution-plan.md";

    public static async Task WriteAsync(
        TextWriter output,
        ExecutionPlan plan,
        AbsolutePath root,
        CancellationToken cancellationToken
    )
    {
        var toRun = plan.Steps.Count(s => !s.IsSkipped);
        output.WriteLine($"Execution plan: {toRun} to run, {plan.Steps.Count - toRun} skipped");
        var width = plan.Steps.Select(s => s.Target.Name.Length).DefaultIfEmpty(0).Max() + 2;
        var number = 0;
        foreach (var step in plan.Steps)
        {
            var index = step.IsSkipped ? "  -" : $"{++number, 3}";
            var why = step.IsSkipped ? $"{step.Reason}; skipped: {step.SkipReason}" : step.Reason;
            output.WriteLine($"{index}. {step.Target.Name.PadRight(width)}{why}");
        }
        WriteHandOffs(output, plan);
        var path = root / ".nuke" / "temp" / PlanFile;
        await AtomicFile.WriteAllTextAsync(path, Mermaid(plan), cancellationToken);
        output.WriteLine();
        output.WriteLine($"Graph: {path.RelativeTo(root)}");
    }

    /// <summary>
    /// Which scheduled target hands what to whom, and what a consumer does when its producer will not run:
    /// "RenderHelmfile -> Sync: RenderResult", or "(BuildImage skipped: --skip; without it: ...)".
    /// </summary>
    private static void WriteHandOffs(TextWriter output, ExecutionPlan plan)
    {
        var handOffs = plan.ToRun.SelectMany(t => t.Consumes).ToList();
        if (handOffs.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine("Hand-offs:");
        foreach (var handOff in handOffs)
        {
            var producer = handOff.Producer;
            var step = plan.Find(producer);
            var missing =
                step is null ? $"{producer.Name} is not in this run"
                : step.IsSkipped ? $"{producer.Name} skipped: {step.SkipReason}"
                : null;
            var consequence = handOff.WithoutIt is { } fallback
                ? $"without it: {fallback}"
                : $"{handOff.Consumer.Name} will fail";
            output.WriteLine(
                $"  {producer.Name} -> {handOff.Consumer.Name}: {handOff.Type.Name}"
                    + (missing is null ? "" : $" ({missing}; {consequence})")
            );
        }
    }

    public static string Mermaid(ExecutionPlan plan)
    {
        var lines = new List<string> { "# Execution plan", "", "```mermaid", "graph LR" };
        var shown = plan.AllTargets.Where(t => !t.IsUnlisted || plan.Find(t) is not null).ToList();
        foreach (var target in shown)
        {
            var step = plan.Find(target);
            var style =
                step is null ? "idle"
                : step.IsSkipped ? "skipped"
                : "scheduled";
            lines.Add($"  {target.Name}[\"{target.Name}\"]:::{style}");
        }
        foreach (var target in shown)
        {
            lines.AddRange(
                target
                    .Dependencies.Where(shown.Contains)
                    .Select(d => $"  {d.Name} -->{Label(d, target)} {target.Name}")
            );
            lines.AddRange(
                target
                    .OrderedAfter.Where(shown.Contains)
                    .Select(a => $"  {a.Name} -.->{Label(a, target)} {target.Name}")
            );
            lines.AddRange(
                target.Triggers.Where(shown.Contains).Select(t => $"  {target.Name} ==> {t.Name}")
            );
        }
        lines.Add("  classDef scheduled fill:#d4f7d4,stroke:#2a7a2a");
        lines.Add("  classDef skipped fill:#eeeeee,stroke:#999999,stroke-dasharray:3");
        lines.Add("  classDef idle fill:#ffffff,stroke:#cccccc");
        lines.Add("```");
        lines.Add("");
        lines.Add(
            "Solid: depends on. Dotted: runs after (ordering only). Thick: triggers. A label: the value handed over."
        );
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>"|RenderResult|" on the edge along which a value is handed over, else nothing.</summary>
    private static string Label(ExecutableTarget from, ExecutableTarget to)
    {
        var types = to.Consumes.Where(h => h.Producer == from).Select(h => h.Type.Name).ToList();
        return types.Count == 0 ? "" : $"|{string.Join(", ", types)}|";
    }
}
