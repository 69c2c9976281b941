using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>Checks every scheduled target's <c>Requires</c> before the first target runs, and lists all that fail.</summary>
internal static class RequirementCheck
{
    public static void ThrowIfUnmet(ExecutionPlan plan, IReadOnlyList<BuildParameter> parameters)
    {
        var problems = new List<string>();
        foreach (var target in plan.ToRun)
        {
            foreach (var requirement in target.Definition.Requirements.Where(r => !r.IsMet()))
            {
                var parameter = parameters.FirstOrDefault(p =>
                    p.Member.Name == requirement.Parameter?.Name
                );
                problems.Add(
                    parameter is null
                        ? $"{target.Name} requires {requirement.Text}"
                        : $"{target.Name} requires parameter {parameter.CommandLineName}: pass it on the command line, "
                            + $"set {parameter.EnvironmentName}, or add \"{parameter.Name}\" to .nuke/parameters.json"
                            + CommandLine.Choices(parameter)
                );
            }
        }
        if (problems.Count > 0)
        {
            throw new UsageException(
                (problems.Count == 1 ? "Missing requirement: " : "Missing requirements:\n  ")
                    + string.Join("\n  ", problems)
            );
        }
    }
}
