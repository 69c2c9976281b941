using System.Linq.Expressions;
using System.Reflection;

namespace Pipelines.Engine;

/// <summary>
/// Something a target needs before the build may start: a parameter with a value, or a predicate.
/// All requirements of all scheduled targets are checked before the first target runs.
/// </summary>
internal sealed record Requirement(Func<bool> IsMet, string Text, MemberInfo? Parameter)
{
    public static Requirement ForParameter<T>(Expression<Func<T>> parameter)
    {
        var member = (parameter.Body as MemberExpression)?.Member;
        if (member is null)
        {
            throw new ArgumentException(
                $"Requires(() => X) takes a parameter member such as () => ApiKey, not '{parameter.Body}'."
                    + " For a condition, pass a bool lambda: Requires(() => Replicas > 2).",
                nameof(parameter)
            );
        }
        var read = parameter.Compile();
        return new Requirement(() => HasValue(read()), member.Name, member);
    }

    /// <summary>A condition over one parameter (<c>() => IsServerBuild</c>) names it in the error.</summary>
    public static Requirement ForCondition(
        Func<bool> condition,
        string text,
        MemberInfo? parameter
    ) => new(condition, text, parameter);

    /// <summary>The member of <c>() => X</c>, also when the lambda converts it (<c>Func&lt;object?&gt;</c> over an int).</summary>
    public static MemberInfo? MemberOf(LambdaExpression expression) =>
        (
            expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert
                ? convert.Operand
                : expression.Body
        )
            is MemberExpression member
            ? member.Member
            : null;

    private static bool HasValue(object? value) =>
        value switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            System.Collections.ICollection collection => collection.Count > 0,
            _ => true,
        };
}
