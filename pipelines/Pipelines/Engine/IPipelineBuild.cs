using System.Linq.Expressions;

namespace Pipelines.Engine;

/// <summary>
/// What components see of the build. A component is an interface deriving from this one whose default-implemented
/// <see cref="Target"/> properties and <c>[Parameter]</c> properties a build picks up by implementing it:
/// <c>class Build : PipelineBuild, IContainerImage</c>.
/// </summary>
public interface IPipelineBuild
{
    /// <summary>The folder holding <c>.nuke/</c>.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c>: scratch space, never committed.</summary>
    AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>Global <c>--dry-run</c>: mutating targets print what they would do and change nothing.</summary>
    bool DryRun { get; }

    /// <summary>The values bound for this run.</summary>
    ParameterStore Parameters { get; }

    /// <summary>
    /// The values targets of this run hand to one another: <c>Results.Put(render)</c> in a target that declares
    /// <c>.Produces&lt;RenderResult&gt;()</c>, <c>Results.Get&lt;RenderResult&gt;()</c> in one that declares
    /// <c>.Consumes&lt;RenderResult&gt;()</c>.
    /// </summary>
    TargetResults Results { get; }

    /// <summary>
    /// The bound value of a component parameter, or default when none of the sources gave one:
    /// <c>[Parameter] string Registry => TryGetValue(() => Registry) ?? "local";</c>
    /// </summary>
    T? TryGetValue<T>(Expression<Func<T>> parameter)
    {
        var body = parameter.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert
            ? convert.Operand
            : parameter.Body;
        if (body is not MemberExpression member)
        {
            throw new ArgumentException(
                $"TryGetValue takes a parameter member, as in () => Registry; got {parameter.Body}."
            );
        }
        return Parameters.TryGet(member.Member.Name, out var value) && value is not null
            ? (T)value
            : default;
    }

    /// <summary>A value for the summary table's note column of the running target, e.g. the pushed digest.</summary>
    void Report(string key, object? value)
    {
        var target = Executor.CurrentTarget;
        if (target is null)
        {
            throw new InvalidOperationException("Report can only be called while a target runs.");
        }
        lock (target.Notes)
        {
            target.Notes.Add($"{key}: {value}");
        }
    }
}
