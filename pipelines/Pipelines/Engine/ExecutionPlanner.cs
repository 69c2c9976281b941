using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>
/// Turns the invoked target names into an ordered plan, with NUKE's semantics: dependencies and triggers are
/// scheduled, ordering edges only order, static conditions and <c>--skip</c> skip (cascading to dependencies
/// that no other scheduled target needs), and a cycle is an error that prints its path.
/// </summary>
internal static class ExecutionPlanner
{
    /// <summary>Plans a run. <c>skip</c>: null skips nothing; empty skips every target not invoked; names skip those.</summary>
    public static ExecutionPlan Plan(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<string> invokedNames,
        IReadOnlyList<string>? skip
    )
    {
        CycleDetector.ThrowIfCyclic(targets);
        var invoked = Invoked(targets, invokedNames);
        var reasons = Schedule(invoked, invokedNames.Count == 0);
        var ordered = TopologicalOrder(targets, invoked, reasons.Keys.ToHashSet());
        var skipped = SkipReasons(ordered, invoked, skip);
        var steps = ordered
            .Select(t => new PlannedTarget(t, reasons[t], skipped.GetValueOrDefault(t)))
            .ToList();
        return new ExecutionPlan(steps, targets);
    }

    private static List<ExecutableTarget> Invoked(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<string> names
    )
    {
        if (names.Count > 0)
        {
            return names.Select(n => TargetNames.Resolve(targets, n, "")).Distinct().ToList();
        }
        var fallback = targets.FirstOrDefault(t => t.IsDefault);
        return fallback is not null
            ? [fallback]
            : throw new UsageException(
                "No target given and the build has no default target. Name one: "
                    + string.Join(", ", targets.Where(t => !t.IsUnlisted).Select(t => t.Name))
                    + "."
            );
    }

    private static Dictionary<ExecutableTarget, string> Schedule(
        List<ExecutableTarget> invoked,
        bool byDefault
    )
    {
        var reasons = invoked.ToDictionary(t => t, _ => byDefault ? "default target" : "invoked");
        var queue = new Queue<ExecutableTarget>(invoked);
        while (queue.TryDequeue(out var target))
        {
            foreach (var dependency in target.Dependencies)
            {
                Add(dependency, $"dependency of {target.Name}");
            }
            foreach (var triggered in target.Triggers)
            {
                Add(triggered, $"triggered by {target.Name}");
            }
        }
        return reasons;

        void Add(ExecutableTarget target, string reason)
        {
            if (reasons.TryAdd(target, reason))
            {
                queue.Enqueue(target);
            }
        }
    }

    /// <summary>
    /// Depth-first, visiting invoked targets in the order given and predecessors in the order declared, so the
    /// plan reads the way the command line and the code read, and is the same on every run.
    /// </summary>
    private static List<ExecutableTarget> TopologicalOrder(
        IReadOnlyList<ExecutableTarget> all,
        List<ExecutableTarget> invoked,
        HashSet<ExecutableTarget> scheduled
    )
    {
        var ordered = new List<ExecutableTarget>();
        var visited = new HashSet<ExecutableTarget>();
        foreach (var root in invoked.Concat(all.Where(scheduled.Contains)))
        {
            Visit(root);
        }
        return ordered;

        void Visit(ExecutableTarget target)
        {
            if (!visited.Add(target))
            {
                return;
            }
            foreach (var predecessor in Predecessors(target, scheduled))
            {
                Visit(predecessor);
            }
            ordered.Add(target);
        }
    }

    /// <summary>What must finish before the target may start, among the scheduled targets.</summary>
    internal static IEnumerable<ExecutableTarget> Predecessors(
        ExecutableTarget target,
        IReadOnlySet<ExecutableTarget> scheduled
    ) =>
        target
            .Dependencies.Concat(target.OrderedAfter)
            .Concat(target.TriggeredBy)
            .Where(scheduled.Contains)
            .Distinct();

    private static Dictionary<ExecutableTarget, string> SkipReasons(
        List<ExecutableTarget> ordered,
        List<ExecutableTarget> invoked,
        IReadOnlyList<string>? skip
    )
    {
        var skipped = new Dictionary<ExecutableTarget, string>();
        if (skip is { Count: 0 })
        {
            foreach (var target in ordered.Where(t => !invoked.Contains(t)))
            {
                skipped[target] = "--skip";
            }
        }
        foreach (var name in skip ?? [])
        {
            var target = TargetNames.Resolve(
                ordered,
                name,
                " in --skip (only scheduled targets can be skipped)"
            );
            skipped[target] = "--skip";
        }
        foreach (var target in ordered.Where(t => !skipped.ContainsKey(t)))
        {
            var failed = target.Definition.StaticConditions.FirstOrDefault(c => !c.Evaluate());
            if (failed is not null)
            {
                skipped[target] = $"condition false: {failed.Text}";
            }
        }
        Cascade(ordered, invoked, skipped);
        return skipped;
    }

    /// <summary>A dependency or triggered target that only skipped targets needed is skipped too.</summary>
    private static void Cascade(
        List<ExecutableTarget> ordered,
        List<ExecutableTarget> invoked,
        Dictionary<ExecutableTarget, string> skipped
    )
    {
        // WhenSkipped(Execute) keeps the dependencies of a target skipped on purpose; one skipped because
        // nobody needed it keeps nothing.
        var cascaded = new HashSet<ExecutableTarget>();
        bool changed;
        do
        {
            changed = false;
            foreach (
                var target in ordered.Where(t => !skipped.ContainsKey(t) && !invoked.Contains(t))
            )
            {
                var dependents = ordered.Where(o => o.Dependencies.Contains(target)).ToList();
                var triggerers = target.TriggeredBy.Where(ordered.Contains).ToList();
                var neededBy = dependents.Concat(triggerers).ToList();
                var stillNeeded = neededBy.Any(n =>
                    !skipped.ContainsKey(n)
                    || (
                        dependents.Contains(n)
                        && n.Definition.SkipBehavior == DependencyBehavior.Execute
                        && !cascaded.Contains(n)
                    )
                );
                if (neededBy.Count > 0 && !stillNeeded)
                {
                    skipped[target] =
                        $"only needed by skipped {string.Join(", ", neededBy.Select(n => n.Name))}";
                    cascaded.Add(target);
                    changed = true;
                }
            }
        } while (changed);
    }
}
