namespace Pipelines.Engine;

/// <summary>
/// Where the build reports: target headers, log lines, warnings and errors, and the summary table.
/// On a terminal it uses colour unless <c>NO_COLOR</c> is set; when output is redirected it writes plain text.
/// </summary>
internal class ConsoleHost
{
    private readonly bool _color;
    private readonly LiveLines _live;

    protected ConsoleHost(
        TextWriter rawOut,
        TextWriter rawError,
        SecretRegistry secrets,
        bool color,
        bool interactive = false
    )
    {
        RawOut = rawOut;
        Secrets = secrets;
        Output = new SecretMaskingWriter(rawOut, secrets);
        ErrorOutput = new SecretMaskingWriter(rawError, secrets);
        _color = color;
        _live = new LiveLines(
            Output,
            interactive,
            interactive ? TerminalWidth() : int.MaxValue,
            TimeProvider.System
        );
    }

    /// <summary>
    /// The host for this environment: GitHub Actions, or a console with colour on a terminal unless
    /// <c>NO_COLOR</c> is set. It writes to <paramref name="rawOut"/> and <paramref name="rawError"/> through
    /// secret-masking writers.
    /// </summary>
    public static ConsoleHost Create(
        TextWriter rawOut,
        TextWriter rawError,
        SecretRegistry secrets,
        Func<string, string?> environment,
        bool isTerminal
    )
    {
        var color =
            isTerminal
            && string.IsNullOrEmpty(environment("NO_COLOR"))
            && environment("TERM") != "dumb";
        return environment("GITHUB_ACTIONS") == "true"
            ? new GitHubActionsHost(rawOut, rawError, secrets, environment)
            : new ConsoleHost(
                rawOut,
                rawError,
                secrets,
                color,
                interactive: isTerminal && environment("TERM") != "dumb"
            );
    }

    /// <summary>The unmasked stdout, for protocol lines that must reach the runner verbatim.</summary>
    protected TextWriter RawOut { get; }
    public SecretRegistry Secrets { get; }

    /// <summary>Masked stdout; targets' <c>Console.Out</c> is this writer while the build runs.</summary>
    public TextWriter Output { get; }

    /// <summary>Masked stderr.</summary>
    public TextWriter ErrorOutput { get; }

    /// <summary><c>--verbosity</c>; set once the parameters are bound (errors before that always print).</summary>
    public Verbosity Verbosity { get; internal set; } = Verbosity.Normal;

    /// <summary>Quiet prints warnings, errors and the summary only.</summary>
    protected bool Quiet => Verbosity == Verbosity.Quiet;

    public virtual void RegisterSecret(string? secret) => Secrets.Add(secret);

    public virtual void TargetStarted(ExecutableTarget target, bool parallel)
    {
        if (Quiet)
        {
            return;
        }
        if (parallel)
        {
            Output.WriteLine(Paint($"▶ {target.Name}", Ansi.Bold));
            return;
        }
        Output.WriteLine();
        Output.WriteLine(
            Paint(
                $"═══ {target.Name} {new string('═', Math.Max(3, 60 - target.Name.Length))}",
                Ansi.Bold
            )
        );
    }

    public virtual void TargetFinished(ExecutableTarget target, bool parallel)
    {
        if (!Quiet && (parallel || target.Status != TargetStatus.Succeeded))
        {
            Output.WriteLine(
                Paint(
                    $"{Glyph(target.Status)} {target.Name}: {target.Status}",
                    ColorOf(target.Status)
                )
            );
        }
    }

    public virtual void Info(string message)
    {
        if (!Quiet)
        {
            _live.Above(() => Output.WriteLine(message));
        }
    }

    /// <summary>A line only <c>--verbosity verbose</c> prints (a tool's command line, an HTTP request).</summary>
    public virtual void Verbose(string message)
    {
        if (Verbosity == Verbosity.Verbose)
        {
            _live.Above(() => Output.WriteLine(Paint(message, Ansi.Gray)));
        }
    }

    public virtual void Warning(string message, string? file = null, int? line = null) =>
        _live.Above(() =>
            Output.WriteLine(Paint($"warning: {Located(message, file, line)}", Ansi.Yellow))
        );

    public virtual void Error(string message, string? file = null, int? line = null) =>
        _live.Above(() =>
            ErrorOutput.WriteLine(Paint($"error: {Located(message, file, line)}", Ansi.Red))
        );

    /// <summary>
    /// A status line for a long wait, one per <paramref name="key"/>: redrawn in place on a terminal, a plain line
    /// now and then in CI.
    /// </summary>
    public virtual void Progress(string key, string line)
    {
        if (!Quiet)
        {
            _live.Show(key, line);
        }
    }

    /// <summary>The wait of <paramref name="key"/> is over; its status line goes away.</summary>
    public virtual void ProgressDone(string key) => _live.Done(key);

    public virtual void Summary(ExecutionPlan plan, TimeSpan total, int exitCode)
    {
        var rows = SummaryTable.Rows(plan);
        foreach (var line in SummaryTable.Text(rows, total))
        {
            var row = rows.FirstOrDefault(r =>
                line.StartsWith(r.Target + " ", StringComparison.Ordinal)
            );
            Output.WriteLine(row is null ? line : Paint(line, ColorOf(row.Status)));
        }
        Output.WriteLine();
        var outcome = exitCode switch
        {
            0 => Paint("Build succeeded", Ansi.Green),
            130 => Paint("Build cancelled", Ansi.Magenta),
            _ => Paint("Build failed", Ansi.Red),
        };
        Output.WriteLine($"{outcome} on {DateTime.Now:yyyy-MM-dd HH:mm:ss} (exit code {exitCode})");
    }

    /// <summary>Only GitHub Actions has a job summary.</summary>
    public virtual void AppendStepSummary(string markdown) { }

    public virtual void Flush()
    {
        Output.Flush();
        ErrorOutput.Flush();
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    protected static string Located(string message, string? file, int? line) =>
        file is null ? message : $"{file}{(line is null ? "" : $":{line}")}: {message}";

    protected string Paint(string text, string code) => _color ? $"{code}{text}{Ansi.Reset}" : text;

    private static string Glyph(TargetStatus status) =>
        status switch
        {
            TargetStatus.Succeeded => "✔",
            TargetStatus.Failed => "✘",
            TargetStatus.Aborted => "■",
            _ => "·",
        };

    private static string ColorOf(TargetStatus status) =>
        status switch
        {
            TargetStatus.Succeeded => Ansi.Green,
            TargetStatus.Failed => Ansi.Red,
            TargetStatus.Aborted => Ansi.Magenta,
            _ => Ansi.Gray,
        };

    private static class Ansi
    {
        public const string Reset = "\u001b[0m";
        public const string Bold = "\u001b[1m";
        public const string Red = "\u001b[31m";
        public const string Green = "\u001b[32m";
        public const string Yellow = "\u001b[33m";
        public const string Magenta = "\u001b[35m";
        public const string Gray = "\u001b[90m";
    }
}
