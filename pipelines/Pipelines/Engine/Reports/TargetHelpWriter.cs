using System.Reflection;

namespace Pipelines.Engine;

/// <summary>
/// <c>./build.sh Sync --help</c>: for each target named, its description, what it depends on (and so what runs with
/// it), what it takes from earlier targets, and every parameter it and its dependencies read. A target reads the
/// parameters declared on the component interface that defines it, those it <c>Requires</c>, and those it lists
/// with <c>.Reads(...)</c>; the build class's own targets only the last two.
/// </summary>
internal static class TargetHelpWriter
{
    public static void Write(
        TextWriter output,
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<string> names,
        IReadOnlyList<BuildParameter> parameters,
        AbsolutePath root
    )
    {
        var named = names.Select(n => TargetNames.Resolve(targets, n, "")).Distinct().ToList();
        foreach (var target in named)
        {
            if (target != named[0])
            {
                output.WriteLine();
                output.WriteLine();
            }
            WriteTarget(output, target, parameters, root);
        }
        output.WriteLine();
        output.WriteLine(
            "Engine options (--dry-run, --plan, --skip, --parallel, --verbosity, ...) and every target: ./build.sh --help"
        );
    }

    private static void WriteTarget(
        TextWriter output,
        ExecutableTarget target,
        IReadOnlyList<BuildParameter> parameters,
        AbsolutePath root
    )
    {
        output.WriteLine($"{target.Name}{(target.IsDefault ? " (default target)" : "")}");
        if (target.Description is { } description)
        {
            output.WriteLine($"  {description}");
        }
        output.WriteLine();
        output.WriteLine($"Usage: ./build.sh {target.Name} [--parameter value ...]");
        var chain = WithDependencies(target);
        if (target.Dependencies.Count > 0)
        {
            output.WriteLine($"Depends on: {string.Join(", ", target.Dependencies)}");
            output.WriteLine($"Runs: {string.Join(" -> ", chain)}");
        }
        foreach (var handOff in target.Consumes)
        {
            output.WriteLine(
                $"Takes: {handOff.Type.Name} from {handOff.Producer.Name}"
                    + $" ({(handOff.WithoutIt is { } fallback ? $"without it: {fallback}" : "needs it in the same run")})"
            );
        }
        var shown = new HashSet<BuildParameter>();
        foreach (var step in chain.AsEnumerable().Reverse())
        {
            var read = ParametersOf(step, parameters).Where(shown.Add).ToList();
            var heading =
                step == target ? "Parameters:" : $"Parameters of its dependency {step.Name}:";
            HelpWriter.WriteParameters(output, heading, read, root);
        }
        if (shown.Count == 0)
        {
            output.WriteLine();
            output.WriteLine("Parameters: none besides the engine options.");
        }
    }

    /// <summary>The target's transitive dependencies, then the target: the order the plan runs them in.</summary>
    private static List<ExecutableTarget> WithDependencies(ExecutableTarget target)
    {
        var ordered = new List<ExecutableTarget>();
        Visit(target);
        return ordered;

        void Visit(ExecutableTarget current)
        {
            if (ordered.Contains(current))
            {
                return;
            }
            foreach (var dependency in current.Dependencies)
            {
                Visit(dependency);
            }
            ordered.Add(current);
        }
    }

    /// <summary>What one target reads itself, in the order the build declares its parameters.</summary>
    internal static IEnumerable<BuildParameter> ParametersOf(
        ExecutableTarget target,
        IReadOnlyList<BuildParameter> parameters
    )
    {
        var component = target.Member.DeclaringType is { IsInterface: true } type ? type : null;
        var members = target
            .Definition.Requirements.Select(r => r.Parameter)
            .Concat(target.Definition.ReadParameters)
            .OfType<MemberInfo>()
            .ToList();
        return parameters.Where(p =>
            p.Member.DeclaringType != typeof(PipelineBuild)
            && (
                (component is not null && p.Member.DeclaringType == component)
                || members.Any(m => Same(m, p.Member))
            )
        );
    }

    private static bool Same(MemberInfo a, MemberInfo b) =>
        a.Name == b.Name && a.DeclaringType == b.DeclaringType;
}
