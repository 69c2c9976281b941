namespace Pipelines.Helmfile.Hcl;

/// <summary>A position in an HCL file, 1-based, for <c>file:line:column</c> errors.</summary>
internal readonly record struct HclPosition(int Line, int Column);

/// <summary>An HCL expression of the subset helmfile's values files use.</summary>
internal abstract record HclExpression(HclPosition Position);

internal sealed record HclLiteral(HclPosition Position, object? Value) : HclExpression(Position);

/// <summary>A quoted string or heredoc: literal text and <c>${...}</c> interpolations in order.</summary>
internal sealed record HclTemplate(HclPosition Position, IReadOnlyList<HclExpression> Parts)
    : HclExpression(Position);

internal sealed record HclTuple(HclPosition Position, IReadOnlyList<HclExpression> Items)
    : HclExpression(Position);

internal sealed record HclObject(
    HclPosition Position,
    IReadOnlyList<(HclExpression Key, HclExpression Value)> Items
) : HclExpression(Position);

/// <summary>A bare name: <c>hv</c>, <c>local</c>, or an object key written without quotes.</summary>
internal sealed record HclVariable(HclPosition Position, string Name) : HclExpression(Position);

internal sealed record HclAttributeAccess(HclPosition Position, HclExpression Target, string Name)
    : HclExpression(Position);

internal sealed record HclIndex(HclPosition Position, HclExpression Target, HclExpression Key)
    : HclExpression(Position);

internal sealed record HclCall(
    HclPosition Position,
    string Name,
    IReadOnlyList<HclExpression> Arguments,
    bool ExpandLast
) : HclExpression(Position);

internal sealed record HclUnary(HclPosition Position, string Operator, HclExpression Operand)
    : HclExpression(Position);

internal sealed record HclBinary(
    HclPosition Position,
    string Operator,
    HclExpression Left,
    HclExpression Right
) : HclExpression(Position);

internal sealed record HclConditional(
    HclPosition Position,
    HclExpression Condition,
    HclExpression Then,
    HclExpression Else
) : HclExpression(Position);

/// <summary>An attribute of a <c>values</c> or <c>locals</c> block.</summary>
internal sealed record HclAttribute(string Name, HclExpression Value, HclPosition Position);

/// <summary>One <c>values {}</c> or <c>locals {}</c> block.</summary>
internal sealed record HclBlock(
    string Type,
    IReadOnlyList<HclAttribute> Attributes,
    HclPosition Position
);
