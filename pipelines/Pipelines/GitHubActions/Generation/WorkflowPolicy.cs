using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.GitHubActions.Model;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// The hardening rules of GitHub's security guide, checked on every generated workflow: read-only token by default,
/// OIDC only where AWS is used and only inside a GitHub environment, no expression inside a script, and a job graph GitHub will accept.
/// </summary>
internal static partial class WorkflowPolicy
{
    public static void Check(Workflow workflow)
    {
        var file = workflow.FileName;
        if (workflow.Permissions.Scopes.Any(s => s.Access == Access.Write))
        {
            throw Fail(
                $"{file}: workflow-level permissions grant write; keep the default read-only and widen per job."
            );
        }
        var seen = new HashSet<string>();
        foreach (var job in workflow.Jobs)
        {
            var where = $"{file}, job {job.Id}";
            if (!JobId().IsMatch(job.Id) || !seen.Add(job.Id))
            {
                throw Fail($"{where}: job ids must be unique and kebab-case.");
            }
            foreach (var need in job.Needs.Where(n => !seen.Contains(n) || n == job.Id))
            {
                throw Fail(
                    $"{where}: needs '{need}', which is not a job declared before it. Jobs so far: {string.Join(", ", seen.SkipLast(1))}."
                );
            }
            CheckSteps(job, where);
            CheckAws(job, where);
            if (job.Strategy is { Matrix.Include.Count: 0 })
            {
                throw Fail($"{where}: the matrix has no legs.");
            }
        }
    }

    private static void CheckSteps(Job job, string where)
    {
        var ids = job.Steps.Select(s => s.Id).OfType<string>().ToList();
        if (ids.Count != ids.Distinct().Count())
        {
            throw Fail($"{where}: step ids must be unique within the job.");
        }
        foreach (var (step, index) in job.Steps.Select((s, i) => (s, i + 1)))
        {
            if (step is RunStep run && Expr.Contains(run.Script))
            {
                throw Fail(
                    $"{where}, step {index} ('{run.Name}'): run: holds an expression ({Excerpt(run.Script)}). "
                        + "Pass it through env: and read the variable in the script."
                );
            }
        }
        foreach (var output in job.Outputs)
        {
            foreach (Match reference in StepReference().Matches(output.Value))
            {
                if (!ids.Contains(reference.Groups[1].Value))
                {
                    throw Fail(
                        $"{where}: output '{output.Name}' reads step '{reference.Groups[1].Value}', which no step of the job has as id."
                    );
                }
            }
        }
    }

    private static void CheckAws(Job job, string where)
    {
        var usesAws = job
            .Steps.OfType<ActionStep>()
            .Any(s => s.Action.Repository == Actions.ConfigureAwsCredentials.Repository);
        var idToken = job.Permissions?.Of(Scope.IdToken) == Access.Write;
        if (usesAws && !idToken)
        {
            throw Fail(
                $"{where}: configure-aws-credentials through OIDC needs 'id-token: write' on this job."
            );
        }
        if (idToken && !usesAws)
        {
            throw Fail(
                $"{where}: 'id-token: write' is only for jobs that take AWS credentials through OIDC; this one does not."
            );
        }
        if (idToken && job.Environment is null)
        {
            throw Fail(
                $"{where}: takes OIDC credentials outside a GitHub environment. Give it one (Environment = new(\"<name>\")) "
                    + "so its role trusts only that environment's token (sub repo:<owner>/<repo>:environment:<name>) "
                    + "and the environment's protection rules gate it."
            );
        }
    }

    private static string Excerpt(string script)
    {
        var start = script.IndexOf("${{", StringComparison.Ordinal);
        var end = script.IndexOf("}}", start, StringComparison.Ordinal);
        return end < 0 ? script[start..] : script[start..(end + 2)];
    }

    private static BuildDefinitionException Fail(string message) => new(message);

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex JobId();

    [GeneratedRegex(@"steps\.([A-Za-z0-9_-]+)\.outputs")]
    private static partial Regex StepReference();
}
