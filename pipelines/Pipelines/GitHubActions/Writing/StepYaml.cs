using Pipelines.GitHubActions.Model;

namespace Pipelines.GitHubActions.Writing;

/// <summary>A step as YAML: name, id, if, uses (with the version as a comment), with, shell, env, run, continue-on-error.</summary>
internal static partial class StepYaml
{
    public static YamlNode ToYaml(Step step) =>
        step switch
        {
            ActionStep action => YamlMapping.Of(
                ("name", WorkflowYaml.Text(action.Name)),
                ("id", WorkflowYaml.Text(action.Id)),
                ("if", WorkflowYaml.Text(action.If)),
                ("uses", new YamlScalar(action.Action.Uses, Comment: action.Action.Version)),
                ("with", With(action.With)),
                ("env", WorkflowYaml.EnvYaml(action.Env)),
                ("continue-on-error", action.ContinueOnError ? YamlScalar.Bool(true) : null)
            ),
            RunStep run => YamlMapping.Of(
                ("name", WorkflowYaml.Text(run.Name)),
                ("id", WorkflowYaml.Text(run.Id)),
                ("if", WorkflowYaml.Text(run.If)),
                ("shell", WorkflowYaml.Text(run.Shell)),
                ("env", WorkflowYaml.EnvYaml(run.Env)),
                ("run", new YamlScalar(Script(run.Script))),
                ("continue-on-error", run.ContinueOnError ? YamlScalar.Bool(true) : null)
            ),
            _ => throw new InvalidOperationException(
                $"A {step.GetType().Name} ('{step.Name}') cannot be written as it is: lower build steps with "
                    + "WorkflowCompiler.Compile first."
            ),
        };

    /// <summary>Action inputs are strings to GitHub; bools and numbers are still written plain, as people write them.</summary>
    private static YamlMapping? With(IReadOnlyList<KeyValuePair<string, string>> inputs) =>
        inputs.Count == 0
            ? null
            : YamlMapping.From(
                inputs,
                i => i.Key,
                i => new YamlScalar(i.Value, IsText: !Plain().IsMatch(i.Value))
            );

    [System.Text.RegularExpressions.GeneratedRegex("^(true|false|[1-9][0-9]{0,5})$")]
    private static partial System.Text.RegularExpressions.Regex Plain();

    /// <summary>One line stays on the key's line; several become a literal block ending in one newline.</summary>
    private static string Script(string script)
    {
        var trimmed = script.TrimEnd('\n');
        return trimmed.Contains('\n') ? trimmed + "\n" : trimmed;
    }
}
