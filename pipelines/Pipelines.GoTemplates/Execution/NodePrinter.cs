using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

/// <summary>Writes a node back as template source, for error messages like Go's <c>at &lt;.Values.x&gt;</c>.</summary>
internal static class NodePrinter
{
    public static string Print(Node node) =>
        node switch
        {
            FieldNode field => "." + string.Join('.', field.Names),
            VariableNode variable => variable.Name
                + string.Concat(variable.Fields.Select(f => "." + f)),
            ChainNode chain => Argument(chain.Target)
                + string.Concat(chain.Fields.Select(f => "." + f)),
            DotNode => ".",
            IdentifierNode identifier => identifier.Name,
            LiteralNode literal => literal.Source,
            CommandNode command => string.Join(' ', command.Arguments.Select(Argument)),
            PipelineNode pipeline => Declarations(pipeline)
                + string.Join(" | ", pipeline.Commands.Select(Print)),
            _ => node.GetType().Name,
        };

    /// <summary>The source of a field path up to (not including) field <paramref name="count"/>: what a field was read from.</summary>
    public static string Prefix(Node node, int count) =>
        node switch
        {
            FieldNode field => count == 0 ? "." : "." + string.Join('.', field.Names.Take(count)),
            VariableNode variable => variable.Name
                + string.Concat(variable.Fields.Take(count).Select(f => "." + f)),
            ChainNode chain => Argument(chain.Target)
                + string.Concat(chain.Fields.Take(count).Select(f => "." + f)),
            _ => Print(node),
        };

    private static string Argument(Node node) =>
        node is PipelineNode ? $"({Print(node)})" : Print(node);

    private static string Declarations(PipelineNode pipeline) =>
        pipeline.Declarations.Count == 0
            ? ""
            : string.Join(", ", pipeline.Declarations) + (pipeline.IsAssign ? " = " : " := ");
}
