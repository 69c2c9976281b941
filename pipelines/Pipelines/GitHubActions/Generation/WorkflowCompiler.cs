using Pipelines.Engine;
using Pipelines.GitHubActions.Model;
using Pipelines.Tools;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// Turns declared workflows into writable ones: every <see cref="BuildStep"/> is checked against the build's
/// targets and parameters and lowered to <c>./build.sh</c> with literal values as arguments and expressions as
/// <c>PIPELINES_*</c> variables; then <see cref="WorkflowPolicy"/> checks the hardening rules.
/// </summary>
internal static class WorkflowCompiler
{
    public const string BuildScript = "./build.sh";

    public static Workflow Compile(Workflow workflow, BuildCatalog catalog)
    {
        var compiled = workflow with
        {
            Jobs = workflow
                .Jobs.Select(job =>
                    job with
                    {
                        Steps = job
                            .Steps.Select(
                                (step, index) =>
                                    step is BuildStep build
                                        ? Lower(
                                            build,
                                            catalog,
                                            workflow,
                                            $"{workflow.FileName}, job {job.Id}, step {index + 1}"
                                        )
                                        : step
                            )
                            .ToList(),
                    }
                )
                .ToList(),
        };
        WorkflowPolicy.Check(compiled);
        return compiled;
    }

    private static RunStep Lower(
        BuildStep step,
        BuildCatalog catalog,
        Workflow workflow,
        string where
    )
    {
        var env = new List<EnvironmentVariable>();
        var arguments = new List<string>();
        if (step.TargetInput is { } input)
        {
            if (step.Targets.Count > 0)
            {
                throw new BuildDefinitionException(
                    $"{where}: name the targets or the input that chooses one, not both."
                );
            }
            CheckTargetInput(workflow, input, catalog, where);
            env.Add(new(ParameterNames.Environment("Target"), Expr.Input(input)));
        }
        else if (step.Targets.Count == 0)
        {
            throw new BuildDefinitionException($"{where}: a build step needs a target.");
        }
        arguments.AddRange(step.Targets.Select(t => catalog.Target(t, where)));

        foreach (var argument in step.Parameters)
        {
            var parameter = catalog.Parameter(argument.Parameter, where);
            if (argument.Values.Any(Expr.Contains))
            {
                // An expression may expand to anything; the engine binds PIPELINES_* exactly like the command line.
                env.Add(new(parameter.EnvironmentName, string.Join(",", argument.Values)));
                continue;
            }
            if (parameter.IsSecret)
            {
                throw new BuildDefinitionException(
                    $"{where}: {parameter.CommandLineName} is a [Secret] parameter; pass it as "
                        + $"{Expr.Secret("NAME")} (through {parameter.EnvironmentName}), never as a literal."
                );
            }
            arguments.Add(parameter.CommandLineName);
            if (!(parameter.IsFlag && argument.Values is ["true"]))
            {
                arguments.AddRange(argument.Values);
            }
        }

        var command = string.Join(
            " ",
            new[] { BuildScript }.Concat(arguments.Select(ToolCommand.ShellQuote))
        );
        return new RunStep(Script(command, step.AcceptedExitCodes))
        {
            Name = step.Name ?? string.Join(" ", step.Targets),
            Id = step.Id,
            If = step.If,
            Env = [.. step.Env, .. env],
            ContinueOnError = step.ContinueOnError,
        };
    }

    private static string Script(string command, IReadOnlyList<int> accepted)
    {
        var others = accepted.Where(c => c != 0).Order().ToList();
        if (others.Count == 0)
        {
            return command;
        }
        var test = string.Join(
            " && ",
            new[] { 0 }.Concat(others).Select(c => $"[ \"$status\" -ne {c} ]")
        );
        return $"status=0\n{command} || status=$?\nif {test}; then exit \"$status\"; fi\n";
    }

    private static void CheckTargetInput(
        Workflow workflow,
        string input,
        BuildCatalog catalog,
        string where
    )
    {
        var declared = workflow.On.WorkflowDispatch?.Inputs.FirstOrDefault(i => i.Name == input);
        if (declared is not { Type: InputType.Choice })
        {
            throw new BuildDefinitionException(
                $"{where}: the target comes from input '{input}', which must be a choice input of workflow_dispatch."
            );
        }
        foreach (var option in declared.Options)
        {
            if (catalog.Target(option, $"{where} (a choice of input '{input}')") != option)
            {
                throw new BuildDefinitionException(
                    $"{where}: choice '{option}' of input '{input}' must be spelled as the target is declared."
                );
            }
        }
    }
}
