namespace Pipelines.Engine;

/// <summary>
/// The base class of a build, the role of NUKE's <c>NukeBuild</c>:
/// <code>
/// class Build : PipelineBuild
/// {
///     public static int Main() => Execute&lt;Build&gt;(x => x.Compile);
///     Target Compile => _ => _.Executes(() => ...);
/// }
/// </code>
/// The engine's own options are parameters here, so they bind from every source like any other.
/// </summary>
public abstract partial class PipelineBuild : IPipelineBuild
{
    [Parameter(
        "Targets to run, joined with + (same as naming them first on the command line)",
        Name = "Target"
    )]
    public string[] InvokedTargets { get; private set; } = [];

    [Parameter(
        "Skip targets: bare, every target not named; with names, those (their own dependencies follow)"
    )]
    public string[]? Skip { get; private set; }

    [Parameter("Print what mutating targets would do (commands, diffs, YAML) and change nothing")]
    public bool DryRun { get; private set; }

    [Parameter(
        "Run independent targets at once, up to N (bare: one per core)",
        ImplicitValue = "0"
    )]
    public int Parallel { get; private set; } = 1;

    [Parameter("Load .nuke/parameters.<profile>.json for each profile named (the last wins)")]
    public string[] Profile { get; private set; } = [];

    [Parameter("Print the ordered execution plan with the reason for each target; run nothing")]
    public bool Plan { get; private set; }

    [Parameter("List targets and parameters; after target names, what those targets do and read")]
    public bool Help { get; private set; }

    [Parameter(
        "How much to print: quiet (warnings, errors, the summary), normal, verbose (adds tool command lines and HTTP requests)"
    )]
    public Verbosity Verbosity { get; private set; } = Verbosity.Normal;

    public AbsolutePath RootDirectory { get; internal set; } = AbsolutePath.Create(".");

    public ParameterStore Parameters { get; internal set; } = new();

    /// <summary>A new store for every run, made once the run's targets are known.</summary>
    public TargetResults Results { get; internal set; } = new([]);

    /// <summary>A value for the summary table's note column of the running target.</summary>
    protected void Report(string key, object? value) => ((IPipelineBuild)this).Report(key, value);

    /// <summary>True on GitHub Actions.</summary>
    public static bool IsGitHubActions =>
        Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <summary>Runs the build with the process's command line; returns the exit code for <c>Main</c>.</summary>
    protected static int Execute<T>(Func<T, Target>? defaultTarget = null)
        where T : PipelineBuild, new() =>
        BuildRunner
            .RunProcessAsync(() => new T(), defaultTarget is null ? null : b => defaultTarget((T)b))
            .GetAwaiter()
            .GetResult();
}
