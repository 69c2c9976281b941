using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Pipelines.Engine;

/// <summary>The fluent surface a target uses to declare itself. Every method returns the same definition.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c> and the plan.</summary>
    ITargetDefinition Description(string description);

    ITargetDefinition Executes(Action action);
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>The token is cancelled on Ctrl-C (or SIGTERM); the target is then reported Aborted.</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>Hard edge: the given targets run (and must succeed) before this one.</summary>
    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>Hard edge, the other way round: this target runs before the given ones, which need it.</summary>
    ITargetDefinition DependentFor(params Target[] targets);
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are scheduled, this target runs after the given ones.</summary>
    ITargetDefinition After(params Target[] targets);
    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are scheduled, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>When this target is scheduled, the given targets are scheduled to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>When one of the given targets is scheduled, this one is scheduled to run after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Evaluated once before anything runs; false skips the target (see <see cref="WhenSkipped"/>).</summary>
    ITargetDefinition OnlyWhenStatic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string? expression = null
    );

    /// <summary>Evaluated just before the target would run; false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string? expression = null
    );

    /// <summary>What happens to this target's dependencies when a static condition or <c>--skip</c> skips it.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>The parameter must have a value (not null, not empty) for the build to start: <c>Requires(() => ApiKey)</c>.</summary>
    ITargetDefinition Requires<T>(
        Expression<Func<T>> parameter,
        [CallerArgumentExpression(nameof(parameter))] string? expression = null
    );

    /// <summary>
    /// The predicate must hold for the build to start: <c>Requires(() => Replicas > 2)</c>. A bool parameter
    /// written alone, <c>Requires(() => IsServerBuild)</c>, must be true.
    /// </summary>
    ITargetDefinition Requires(
        Expression<Func<bool>> condition,
        [CallerArgumentExpression(nameof(condition))] string? expression = null
    );

    /// <summary>Runs even after an earlier target failed, as long as its own dependencies succeeded.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after an earlier failure, including a failure of its own dependencies (clean-up).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from <c>--help</c> (it can still be invoked by name).</summary>
    ITargetDefinition Unlisted();

    /// <summary>
    /// This target may hand a <typeparamref name="T"/> to later targets of the same run, with
    /// <c>Results.Put(value)</c> in its action. One target per build produces a given type.
    /// </summary>
    ITargetDefinition Produces<T>()
        where T : class;

    /// <summary>
    /// This target reads the <typeparamref name="T"/> that the target producing it handed over in this run
    /// (<c>Results.Get&lt;T&gt;()</c>, or <c>Results.TryGet&lt;T&gt;()</c> with a fallback), so it runs after that target
    /// when both are scheduled. <paramref name="withoutIt"/> says what it does when the producer did not run, for
    /// <c>--plan</c> and <c>--help</c>; leave it null when it then fails.
    /// </summary>
    ITargetDefinition Consumes<T>(string? withoutIt = null)
        where T : class;

    /// <summary>
    /// Parameters this target reads besides those of its component interface and its <c>Requires</c>, for
    /// <c>./build.sh Target --help</c>: <c>.Reads(() => App, () => ConfigRepository)</c>.
    /// </summary>
    ITargetDefinition Reads(params Expression<Func<object?>>[] parameters);
}

/// <summary>What a skipped target does to the dependencies that only it needed.</summary>
public enum DependencyBehavior
{
    /// <summary>Skip them too (the default, as in NUKE).</summary>
    Skip,

    /// <summary>Run them anyway.</summary>
    Execute,
}
