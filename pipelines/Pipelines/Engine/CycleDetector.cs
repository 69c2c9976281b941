namespace Pipelines.Engine;

/// <summary>Finds a cycle over every kind of edge and reports it as a path: <c>A -> B -> A</c>.</summary>
internal static class CycleDetector
{
    public static void ThrowIfCyclic(IReadOnlyList<ExecutableTarget> targets)
    {
        var all = targets.ToHashSet();
        var done = new HashSet<ExecutableTarget>();
        var path = new List<ExecutableTarget>();
        foreach (var target in targets)
        {
            Visit(target);
        }

        void Visit(ExecutableTarget target)
        {
            var index = path.IndexOf(target);
            if (index >= 0)
            {
                var cycle = path.Skip(index).Append(target).Select(t => t.Name);
                throw new BuildDefinitionException(
                    $"Circular target dependency: {string.Join(" -> ", cycle)}"
                );
            }
            if (done.Contains(target))
            {
                return;
            }
            path.Add(target);
            foreach (var predecessor in ExecutionPlanner.Predecessors(target, all))
            {
                Visit(predecessor);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(target);
        }
    }
}
