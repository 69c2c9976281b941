namespace Pipelines.Engine;

/// <summary>
/// The build's log, for targets and the services under <c>pipelines/</c>. Everything goes through the host,
/// so secrets are masked and GitHub Actions gets annotations.
/// </summary>
internal static class Log
{
    // Per async flow, so that builds run side by side in one process (tests) keep their logs apart.
    private static readonly AsyncLocal<ConsoleHost?> Current = new();
    private static readonly Lazy<ConsoleHost> Fallback = new(() =>
        ConsoleHost.Create(
            Console.Out,
            Console.Error,
            new SecretRegistry(),
            Environment.GetEnvironmentVariable,
            !Console.IsOutputRedirected
        )
    );

    internal static ConsoleHost Host
    {
        get => Current.Value ?? Fallback.Value;
        set => Current.Value = value;
    }

    public static void Info(string message) => Host.Info(message);

    /// <summary>Only with <c>--verbosity verbose</c>: tool command lines, HTTP requests. Masked like every line.</summary>
    public static void Verbose(string message) => Host.Verbose(message);

    /// <summary>True with <c>--verbosity verbose</c>, to skip building a verbose line nobody will see.</summary>
    public static bool IsVerbose => Host.Verbosity == Verbosity.Verbose;

    public static void Warning(string message, string? file = null, int? line = null) =>
        Host.Warning(message, file, line);

    public static void Error(string message, string? file = null, int? line = null) =>
        Host.Error(message, file, line);

    /// <summary>
    /// A status line for a long wait (Sync's rollouts), one per key: live on a terminal, plain lines now and then
    /// in CI.
    /// </summary>
    public static void Progress(string key, string line) => Host.Progress(key, line);

    /// <summary>The wait of <paramref name="key"/> is over; its status line goes away.</summary>
    public static void ProgressDone(string key) => Host.ProgressDone(key);

    /// <summary>A value that must never be printed (a token read from a file, say): masked from now on.</summary>
    public static void RegisterSecret(string? secret) => Host.RegisterSecret(secret);

    /// <summary>
    /// The text with every registered secret replaced by <c>***</c>, for output that goes to a file (a report a
    /// person will share) instead of the log.
    /// </summary>
    public static string Mask(string text) => Host.Secrets.Apply(text);

    /// <summary>
    /// Markdown for the GitHub Actions job summary (<c>$GITHUB_STEP_SUMMARY</c>), masked like every other output;
    /// nothing happens outside GitHub Actions.
    /// </summary>
    public static void StepSummary(string markdown) => Host.AppendStepSummary(markdown);
}
