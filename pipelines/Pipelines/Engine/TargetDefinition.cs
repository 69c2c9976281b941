using System.Linq.Expressions;
using System.Reflection;

namespace Pipelines.Engine;

/// <summary>Collects what a target declares; the planner resolves the target references afterwards.</summary>
internal sealed class TargetDefinition(object build) : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public List<Target> Dependencies { get; } = [];
    public List<Target> Dependents { get; } = [];
    public List<Target> RunsAfter { get; } = [];
    public List<Target> RunsBefore { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public DependencyBehavior SkipBehavior { get; private set; } = DependencyBehavior.Skip;
    public bool Proceeds { get; private set; }
    public bool Assured { get; private set; }
    public bool IsUnlisted { get; private set; }
    public List<Type> Produced { get; } = [];
    public List<Consumption> Consumed { get; } = [];
    public List<MemberInfo> ReadParameters { get; } = [];

    public ITargetDefinition Description(string description) =>
        Set(() => DescriptionText = description);

    public ITargetDefinition Executes(Action action) =>
        Set(() =>
            Actions.Add(_ =>
            {
                action();
                return Task.CompletedTask;
            })
        );

    public ITargetDefinition Executes(Func<Task> action) => Set(() => Actions.Add(_ => action()));

    public ITargetDefinition Executes(Func<CancellationToken, Task> action) =>
        Set(() => Actions.Add(action));

    public ITargetDefinition DependsOn(params Target[] targets) =>
        Set(() => Dependencies.AddRange(targets));

    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) =>
        DependsOn(Resolve(targets));

    public ITargetDefinition DependentFor(params Target[] targets) =>
        Set(() => Dependents.AddRange(targets));

    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) =>
        DependentFor(Resolve(targets));

    public ITargetDefinition After(params Target[] targets) =>
        Set(() => RunsAfter.AddRange(targets));

    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => After(Resolve(targets));

    public ITargetDefinition Before(params Target[] targets) =>
        Set(() => RunsBefore.AddRange(targets));

    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) =>
        Before(Resolve(targets));

    public ITargetDefinition Triggers(params Target[] targets) =>
        Set(() => TriggersTargets.AddRange(targets));

    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) =>
        Triggers(Resolve(targets));

    public ITargetDefinition TriggeredBy(params Target[] targets) =>
        Set(() => TriggeredByTargets.AddRange(targets));

    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) =>
        TriggeredBy(Resolve(targets));

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? expression = null) =>
        Set(() => StaticConditions.Add(new Condition(condition, Condition.Describe(expression))));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? expression = null) =>
        Set(() => DynamicConditions.Add(new Condition(condition, Condition.Describe(expression))));

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) =>
        Set(() => SkipBehavior = behavior);

    public ITargetDefinition Requires<T>(
        Expression<Func<T>> parameter,
        string? expression = null
    ) => Set(() => Requirements.Add(Requirement.ForParameter(parameter)));

    public ITargetDefinition Requires(
        Expression<Func<bool>> condition,
        string? expression = null
    ) =>
        Set(() =>
            Requirements.Add(
                Requirement.ForCondition(
                    condition.Compile(),
                    Condition.Describe(expression),
                    Requirement.MemberOf(condition)
                )
            )
        );

    public ITargetDefinition ProceedAfterFailure() => Set(() => Proceeds = true);

    public ITargetDefinition AssuredAfterFailure() => Set(() => Assured = true);

    public ITargetDefinition Unlisted() => Set(() => IsUnlisted = true);

    public ITargetDefinition Produces<T>()
        where T : class => Set(() => Produced.Add(typeof(T)));

    public ITargetDefinition Consumes<T>(string? withoutIt = null)
        where T : class => Set(() => Consumed.Add(new Consumption(typeof(T), withoutIt)));

    public ITargetDefinition Reads(params Expression<Func<object?>>[] parameters) =>
        Set(() =>
            ReadParameters.AddRange(
                parameters.Select(parameter =>
                    Requirement.MemberOf(parameter)
                    ?? throw new ArgumentException(
                        $"Reads(() => X) takes parameter members such as () => Registry, not '{parameter.Body}'.",
                        nameof(parameters)
                    )
                )
            )
        );

    private Target[] Resolve<T>(Func<T, Target>[] selectors)
    {
        if (build is not T component)
        {
            throw new InvalidOperationException(
                $"The build does not implement {typeof(T).Name}, so its targets cannot be referenced. "
                    + $"Add {typeof(T).Name} to the build class's base list."
            );
        }
        return selectors.Select(select => select(component)).ToArray();
    }

    private TargetDefinition Set(Action change)
    {
        change();
        return this;
    }
}

/// <summary>A condition with the source text it was written as, for skip reasons.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text)
{
    /// <summary>"() => IsServerBuild" reads better as "IsServerBuild".</summary>
    public static string Describe(string? expression)
    {
        var text = (expression ?? "condition").Trim();
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        return arrow >= 0 && text.StartsWith("()", StringComparison.Ordinal)
            ? text[(arrow + 2)..].Trim()
            : text;
    }
}

/// <summary>A declared <c>.Consumes&lt;T&gt;()</c>: the type, and what the target does without it (null: fails).</summary>
internal sealed record Consumption(Type Type, string? WithoutIt);
