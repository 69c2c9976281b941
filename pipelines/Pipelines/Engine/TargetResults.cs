using System.Collections.Concurrent;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>
/// The values targets hand to later targets of the same run, NUKE's Produces/Consumes idea: a target that declares
/// <c>.Produces&lt;RenderResult&gt;()</c> puts one here, a later one that declares <c>.Consumes&lt;RenderResult&gt;()</c>
/// gets it. One store per run, owned by the run (never static), so two builds in one process never see each
/// other's values.
/// </summary>
public sealed class TargetResults
{
    private readonly ConcurrentDictionary<Type, object> _values = new();
    private readonly IReadOnlyList<ExecutableTarget> _targets;

    internal TargetResults(IReadOnlyList<ExecutableTarget> targets) => _targets = targets;

    /// <summary>Hands <paramref name="value"/> to the later targets of this run; the running target must declare <c>.Produces&lt;T&gt;()</c>.</summary>
    public void Put<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var target = RunningTarget($"Results.Put<{typeof(T).Name}>");
        if (!target.Produces.Contains(typeof(T)))
        {
            throw new InvalidOperationException(
                $"Target {target.Name} hands over {typeof(T).Name} but does not declare it: add .Produces<{typeof(T).Name}>() to its definition."
            );
        }
        _values[typeof(T)] = value;
    }

    /// <summary>
    /// The <typeparamref name="T"/> its producer handed over in this run. When the producer did not run (skipped,
    /// not scheduled) or ran without producing one, a usage error names it and how to fix the command line.
    /// </summary>
    public T Get<T>()
        where T : class
    {
        var handOff = HandOffOf<T>($"Results.Get<{typeof(T).Name}>");
        if (_values.TryGetValue(typeof(T), out var value))
        {
            return (T)value;
        }
        var producer = handOff.Producer;
        var why = producer.Status switch
        {
            TargetStatus.Skipped =>
                $"{producer.Name} was skipped ({string.Join("; ", producer.Notes)})",
            TargetStatus.Succeeded => $"{producer.Name} ran without producing one",
            _ => $"{producer.Name} did not run",
        };
        throw new UsageException(
            $"{handOff.Consumer.Name} needs the {typeof(T).Name} that {producer.Name} produces in the same run, but {why}. "
                + $"Run them together: ./build.sh {handOff.Consumer.Name} (do not --skip {producer.Name})."
        );
    }

    /// <summary>
    /// The <typeparamref name="T"/> its producer handed over in this run, or null when it did not run or produced
    /// none: the consumer then takes its documented fallback (the <c>withoutIt</c> of <c>.Consumes</c>). Null
    /// outside a run's targets too, where nothing is ever handed over.
    /// </summary>
    public T? TryGet<T>()
        where T : class
    {
        if (Executor.CurrentTarget is null)
        {
            return null;
        }
        HandOffOf<T>($"Results.TryGet<{typeof(T).Name}>");
        return _values.TryGetValue(typeof(T), out var value) ? (T)value : null;
    }

    private HandOff HandOffOf<T>(string call)
    {
        var target = RunningTarget(call);
        return target.Consumes.FirstOrDefault(h => h.Type == typeof(T))
            ?? throw new InvalidOperationException(
                $"Target {target.Name} reads {typeof(T).Name} but does not declare it: add .Consumes<{typeof(T).Name}>() to its definition."
            );
    }

    private ExecutableTarget RunningTarget(string call)
    {
        var target =
            Executor.CurrentTarget
            ?? throw new InvalidOperationException(
                $"{call} can only be called while a target runs."
            );
        return _targets.Contains(target)
            ? target
            : throw new InvalidOperationException(
                $"{call}: target {target.Name} belongs to another build run than this store."
            );
    }
}

/// <summary>
/// A value passed between two targets: <paramref name="Producer"/> declares <c>.Produces&lt;T&gt;()</c>,
/// <paramref name="Consumer"/> declares <c>.Consumes&lt;T&gt;()</c>. <paramref name="WithoutIt"/> is what the consumer
/// does when the producer did not run; null when it then fails.
/// </summary>
public sealed record HandOff(
    ExecutableTarget Producer,
    ExecutableTarget Consumer,
    Type Type,
    string? WithoutIt
);
