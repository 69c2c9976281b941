namespace Pipelines.GitHubActions.Model;

/// <summary>
/// One GitHub Actions workflow file, <c>.github/workflows/&lt;FileName&gt;</c>. Immutable: declarations build it
/// with object initialisers and <c>with</c>; the writer turns it into YAML with GitHub's conventional key order.
/// </summary>
public sealed record Workflow
{
    /// <summary>The file name under <c>.github/workflows/</c>, e.g. <c>ci.yml</c>.</summary>
    public required string FileName { get; init; }

    public required string Name { get; init; }

    public required WorkflowTriggers On { get; init; }

    /// <summary>The default for every job; hardening says <c>contents: read</c>, widened per job only.</summary>
    public Permissions Permissions { get; init; } = Permissions.ReadContents;

    public Concurrency? Concurrency { get; init; }

    public IReadOnlyList<EnvironmentVariable> Env { get; init; } = [];

    public required IReadOnlyList<Job> Jobs { get; init; }

    /// <summary>Hand-offs to other workflows, for the diagram only (a commit that triggers another workflow).</summary>
    public IReadOnlyList<HandOff> HandOffs { get; init; } = [];
}

/// <summary>A variable of an <c>env:</c> block. Values may be expressions; they are never pasted into scripts.</summary>
public sealed record EnvironmentVariable(string Name, string Value);

/// <summary>A job whose work triggers another workflow (a commit to a path it watches), drawn as a dotted edge.</summary>
public sealed record HandOff(string FromJob, string ToWorkflow, string ToJob, string Label);
