namespace Pipelines.GoTemplates.Syntax;

/// <summary>A parsed template element; the position is where it starts in the template file.</summary>
internal abstract record Node(SourcePosition Position);

internal sealed record TextNode(SourcePosition Position, string Text) : Node(Position);

/// <summary><c>{{ pipeline }}</c>: prints the value unless the pipeline declares or assigns a variable.</summary>
internal sealed record ActionNode(SourcePosition Position, PipelineNode Pipeline) : Node(Position);

/// <summary>The shape shared by <c>if</c>, <c>with</c> and <c>range</c>; <paramref name="Else"/> is null without <c>{{else}}</c>.</summary>
internal abstract record BranchNode(
    SourcePosition Position,
    PipelineNode Pipeline,
    IReadOnlyList<Node> Body,
    IReadOnlyList<Node>? Else
) : Node(Position);

internal sealed record IfNode(
    SourcePosition Position,
    PipelineNode Pipeline,
    IReadOnlyList<Node> Body,
    IReadOnlyList<Node>? Else
) : BranchNode(Position, Pipeline, Body, Else);

internal sealed record WithNode(
    SourcePosition Position,
    PipelineNode Pipeline,
    IReadOnlyList<Node> Body,
    IReadOnlyList<Node>? Else
) : BranchNode(Position, Pipeline, Body, Else);

internal sealed record RangeNode(
    SourcePosition Position,
    PipelineNode Pipeline,
    IReadOnlyList<Node> Body,
    IReadOnlyList<Node>? Else
) : BranchNode(Position, Pipeline, Body, Else);

/// <summary><c>{{template "name" pipeline}}</c> (also what <c>{{block}}</c> leaves in place): runs a named template with dot set to the pipeline's value.</summary>
internal sealed record TemplateCallNode(
    SourcePosition Position,
    string Name,
    PipelineNode? Pipeline
) : Node(Position);

internal sealed record BreakNode(SourcePosition Position) : Node(Position);

internal sealed record ContinueNode(SourcePosition Position) : Node(Position);

/// <summary>
/// <c>$a, $b := cmd | cmd</c>. Each command's result becomes the last argument of the next one.
/// <paramref name="IsAssign"/> distinguishes <c>=</c> (set an existing variable) from <c>:=</c> (declare).
/// </summary>
internal sealed record PipelineNode(
    SourcePosition Position,
    IReadOnlyList<string> Declarations,
    bool IsAssign,
    IReadOnlyList<CommandNode> Commands
) : Node(Position);

/// <summary>One stage of a pipeline: a function with arguments, or a single operand.</summary>
internal sealed record CommandNode(SourcePosition Position, IReadOnlyList<Node> Arguments)
    : Node(Position);

/// <summary><c>.A.B</c>: fields looked up on dot.</summary>
internal sealed record FieldNode(SourcePosition Position, IReadOnlyList<string> Names)
    : Node(Position);

/// <summary><c>$x.A.B</c> or <c>$</c>; <paramref name="Fields"/> may be empty.</summary>
internal sealed record VariableNode(
    SourcePosition Position,
    string Name,
    IReadOnlyList<string> Fields
) : Node(Position);

/// <summary><c>(pipeline).A.B</c>: fields looked up on the result of another operand.</summary>
internal sealed record ChainNode(SourcePosition Position, Node Target, IReadOnlyList<string> Fields)
    : Node(Position);

internal sealed record DotNode(SourcePosition Position) : Node(Position);

internal sealed record IdentifierNode(SourcePosition Position, string Name) : Node(Position);

/// <summary>A literal: string, number (long or double, as Go's untyped constants become), bool or nil.</summary>
internal sealed record LiteralNode(SourcePosition Position, object? Value, string Source)
    : Node(Position);

/// <summary>
/// A parsed file: the main template and the templates it defines with <c>{{define}}</c> or <c>{{block}}</c>. A
/// definition whose body is only white space does not replace an earlier one, as in Go.
/// </summary>
internal sealed record TemplateTree(
    IReadOnlyList<Node> Main,
    IReadOnlyDictionary<string, IReadOnlyList<Node>> Defines
)
{
    /// <summary>Go's IsEmptyTree: nothing but white-space text.</summary>
    public static bool IsEmpty(IReadOnlyList<Node> nodes) =>
        nodes.All(node => node is TextNode text && string.IsNullOrWhiteSpace(text.Text));
}
