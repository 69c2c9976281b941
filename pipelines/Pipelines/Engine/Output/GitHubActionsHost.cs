namespace Pipelines.Engine;

/// <summary>
/// GitHub Actions: a <c>::group::</c> per target, <c>::error</c>/<c>::warning</c> annotations with file and line,
/// secrets registered with <c>::add-mask::</c>, and the summary table appended to <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
internal sealed class GitHubActionsHost(
    TextWriter rawOut,
    TextWriter rawError,
    SecretRegistry secrets,
    Func<string, string?> environment
) : ConsoleHost(rawOut, rawError, secrets, color: false)
{
    public override void RegisterSecret(string? secret)
    {
        // Announced once: a value registered again (a second parameter, a service) is already masked.
        if (!Secrets.Add(secret))
        {
            return;
        }
        // Straight to the real stdout: through the masking writer the runner would be told to mask "***".
        // Line by line (the runner masks within a line), each escaped: the runner decodes %25, %0D and %0A in the
        // command's data, so an unescaped "%0A" in a secret would register another value than the secret.
        foreach (var line in secret!.Split('\n'))
        {
            var value = line.TrimEnd('\r');
            if (value.Trim().Length > 0)
            {
                RawOut.WriteLine($"::add-mask::{Escape(value)}");
            }
        }
        RawOut.Flush();
    }

    public override void TargetStarted(ExecutableTarget target, bool parallel)
    {
        // Groups cannot interleave; parallel targets get prefixed lines instead. Quiet: nothing to group.
        if (!parallel && !Quiet)
        {
            Output.WriteLine($"::group::{target.Name}");
        }
        else
        {
            base.TargetStarted(target, parallel);
        }
    }

    public override void TargetFinished(ExecutableTarget target, bool parallel)
    {
        if (!parallel && !Quiet)
        {
            Output.WriteLine("::endgroup::");
        }
        base.TargetFinished(target, parallel);
    }

    public override void Warning(string message, string? file = null, int? line = null) =>
        Output.WriteLine($"::warning{Properties(file, line)}::{Escape(message)}");

    public override void Error(string message, string? file = null, int? line = null) =>
        Output.WriteLine($"::error{Properties(file, line)}::{Escape(message)}");

    public override void Summary(ExecutionPlan plan, TimeSpan total, int exitCode)
    {
        base.Summary(plan, total, exitCode);
        AppendStepSummary(string.Join('\n', SummaryTable.Markdown(SummaryTable.Rows(plan), total)));
    }

    public override void AppendStepSummary(string markdown)
    {
        if (environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } path)
        {
            File.AppendAllText(path, Secrets.Apply(markdown.TrimEnd('\n') + "\n\n"));
        }
    }

    private static string Properties(string? file, int? line) =>
        file is null ? "" : $" file={file}" + (line is null ? "" : $",line={line}");

    /// <summary>Workflow commands end at a newline; GitHub's escaping keeps multi-line messages whole.</summary>
    private static string Escape(string message) =>
        message.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
}
