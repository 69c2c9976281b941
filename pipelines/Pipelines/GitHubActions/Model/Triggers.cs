namespace Pipelines.GitHubActions.Model;

/// <summary>
/// The <c>on:</c> block. There is deliberately no <c>pull_request_target</c>: it runs with a write token and
/// secrets on code from forks, which GitHub's hardening guide warns against, so the model cannot express it.
/// </summary>
public sealed record WorkflowTriggers
{
    public BranchFilter? Push { get; init; }
    public BranchFilter? PullRequest { get; init; }

    /// <summary>Cron expressions (UTC), five fields.</summary>
    public IReadOnlyList<string> Schedules { get; init; } = [];

    public WorkflowDispatch? WorkflowDispatch { get; init; }
}

/// <summary>Branch and path filters of a push or pull_request trigger; empty lists mean no filter.</summary>
public sealed record BranchFilter
{
    public IReadOnlyList<string> Branches { get; init; } = [];
    public IReadOnlyList<string> Paths { get; init; } = [];
}

/// <summary>A manual trigger with typed inputs.</summary>
public sealed record WorkflowDispatch
{
    public IReadOnlyList<WorkflowInput> Inputs { get; init; } = [];
}

/// <summary>A <c>workflow_dispatch</c> input. Read it in jobs through <c>${{ inputs.&lt;name&gt; }}</c>, via <c>env:</c>.</summary>
public sealed record WorkflowInput
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required InputType Type { get; init; }
    public bool Required { get; init; }
    public string? Default { get; init; }

    /// <summary>The choices of a <see cref="InputType.Choice"/> input, in the order shown.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}

/// <summary>The input types GitHub offers for workflow_dispatch.</summary>
public enum InputType
{
    String,
    Boolean,
    Choice,

    /// <summary>A deployment environment of the repository, picked from a list GitHub fills.</summary>
    Environment,
}
