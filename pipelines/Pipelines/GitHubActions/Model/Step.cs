namespace Pipelines.GitHubActions.Model;

/// <summary>A step of a job: an action (<c>uses:</c>), a script (<c>run:</c>), or a build invocation.</summary>
public abstract record Step
{
    public string? Name { get; init; }

    /// <summary>The id later steps and job outputs read as <c>steps.&lt;id&gt;.outputs</c>.</summary>
    public string? Id { get; init; }

    public string? If { get; init; }
    public IReadOnlyList<EnvironmentVariable> Env { get; init; } = [];

    /// <summary>A failure of this step does not fail the job (its outcome stays <c>failure</c>).</summary>
    public bool ContinueOnError { get; init; }
}

/// <summary><c>uses:</c> an action pinned to a full commit SHA, with its inputs.</summary>
public sealed record ActionStep(ActionReference Action) : Step
{
    public IReadOnlyList<KeyValuePair<string, string>> With { get; init; } = [];
}

/// <summary>
/// <c>run:</c> a shell script. The script must not contain <c>${{</c>: values reach it through <see cref="Step.Env"/>,
/// so an expression that expands to attacker-controlled text can never become shell code.
/// </summary>
public sealed record RunStep(string Script) : Step
{
    public string? Shell { get; init; }
}

/// <summary>
/// <c>./build.sh &lt;targets&gt; [--param value ...]</c>. The generator checks every target and parameter against the
/// build and lowers this to a <see cref="RunStep"/>: literal values become arguments, expressions go through
/// <c>PIPELINES_*</c> environment variables, which the engine binds like the command line.
/// </summary>
public sealed record BuildStep(IReadOnlyList<string> Targets) : Step
{
    public BuildStep(params string[] targets)
        : this((IReadOnlyList<string>)targets) { }

    public IReadOnlyList<BuildArgument> Parameters { get; init; } = [];

    /// <summary>
    /// The workflow_dispatch input naming the target to run (a choice input whose options are all targets); it is
    /// passed as <c>PIPELINES_TARGET</c>. Mutually exclusive with <see cref="Targets"/>.
    /// </summary>
    public string? TargetInput { get; init; }

    /// <summary>Exit codes that still count as success (2: drift found, for a check whose diff is the point).</summary>
    public IReadOnlyList<int> AcceptedExitCodes { get; init; } = [0];
}

/// <summary>A build parameter for a <see cref="BuildStep"/>: its name in C# (use <c>nameof</c>) and its values.</summary>
public sealed record BuildArgument(string Parameter, IReadOnlyList<string> Values)
{
    public BuildArgument(string parameter, string value)
        : this(parameter, [value]) { }

    /// <summary>A bool flag given as <c>--flag</c>.</summary>
    public static BuildArgument Flag(string parameter) => new(parameter, "true");
}
