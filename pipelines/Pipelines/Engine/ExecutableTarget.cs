using System.Reflection;

namespace Pipelines.Engine;

/// <summary>A discovered target with its edges resolved, plus the state the executor owns.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(
        string name,
        PropertyInfo member,
        TargetDefinition definition,
        int declarationIndex
    )
    {
        Name = name;
        Member = member;
        Definition = definition;
        DeclarationIndex = declarationIndex;
    }

    public string Name { get; }
    public PropertyInfo Member { get; }
    internal TargetDefinition Definition { get; }

    /// <summary>Order of declaration; the tie-breaker that keeps plans deterministic.</summary>
    public int DeclarationIndex { get; }
    public string? Description => Definition.DescriptionText;
    public bool IsDefault { get; internal set; }
    public bool IsUnlisted => Definition.IsUnlisted;

    /// <summary>Hard edges: these must run and succeed first (DependsOn, or their DependentFor).</summary>
    public List<ExecutableTarget> Dependencies { get; } = [];

    /// <summary>Ordering edges: when scheduled, these run first (After, or their Before).</summary>
    public List<ExecutableTarget> OrderedAfter { get; } = [];

    /// <summary>Targets this one schedules after itself.</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    /// <summary>Targets whose scheduling schedules this one.</summary>
    public List<ExecutableTarget> TriggeredBy { get; } = [];

    /// <summary>The types this target may hand to later targets (<c>.Produces&lt;T&gt;()</c>).</summary>
    public IReadOnlyList<Type> Produces => Definition.Produced;

    /// <summary>What this target reads from earlier targets of the run, each with the target producing it.</summary>
    public List<HandOff> Consumes { get; } = [];

    public TargetStatus Status { get; internal set; } = TargetStatus.NotRun;
    public TimeSpan Duration { get; internal set; }

    /// <summary>Why the target failed, when it did.</summary>
    public Exception? Exception { get; internal set; }

    /// <summary>Skip reason, error message, or values the target reported.</summary>
    public List<string> Notes { get; } = [];

    public override string ToString() => Name;
}
