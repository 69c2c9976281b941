using System.Diagnostics;
using System.Text;
using Pipelines.Failures;
using Pipelines.GoTemplates.Formatting;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

/// <summary>
/// Executes a parsed template against data, with Go's semantics and helmfile's <c>missingkey=error</c>. One
/// instance per render: it owns the output and the variable stack.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly string _file;
    private readonly TemplateContext _context;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Node>> _templates;
    private readonly RenderSession _session;

    /// <summary>Where output goes; <c>include</c> swaps in its own buffer while the named template runs.</summary>
    private StringBuilder _output = new();

    /// <summary>
    /// Variables in scope, innermost last; control structures truncate it back when they end, and a named
    /// template runs with a list of its own that holds only <c>$</c>.
    /// </summary>
    private List<(string Name, object? Value)> _variables = [];

    private Evaluator(
        string file,
        TemplateContext context,
        IReadOnlyDictionary<string, IReadOnlyList<Node>> templates,
        RenderSession session
    )
    {
        _file = file;
        _context = context;
        _templates = templates;
        _session = session;
    }

    /// <summary>How a list of nodes finished: normally, or at a <c>{{break}}</c>/<c>{{continue}}</c> for the enclosing range.</summary>
    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    /// <summary>Runs <paramref name="main"/> with <paramref name="data"/> as dot and <c>$</c>.</summary>
    public static string Render(
        IReadOnlyList<Node> main,
        IReadOnlyDictionary<string, IReadOnlyList<Node>> templates,
        object? data,
        string file,
        TemplateContext context,
        RenderSession session
    )
    {
        var evaluator = new Evaluator(file, context, templates, session);
        var root = GoValues.Normalize(data);
        evaluator._variables.Add(("$", root));
        evaluator.Walk(main, root);
        return evaluator._output.ToString();
    }

    private Flow Walk(IReadOnlyList<Node> nodes, object? dot)
    {
        foreach (var node in nodes)
        {
            var flow = node switch
            {
                TextNode text => Write(text.Text),
                ActionNode action => Action(action, dot),
                RangeNode range => Range(range, dot),
                BranchNode branch => IfOrWith(branch, dot),
                TemplateCallNode call => TemplateCall(call, dot),
                BreakNode => Flow.Break,
                ContinueNode => Flow.Continue,
                _ => throw new UnreachableException($"unknown node {node.GetType().Name}"),
            };
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }
        return Flow.Normal;
    }

    private Flow Write(string text)
    {
        _output.Append(text);
        return Flow.Normal;
    }

    /// <summary>Prints the pipeline's value, unless the action only declares or assigns a variable.</summary>
    private Flow Action(ActionNode action, object? dot)
    {
        var value = Pipeline(action.Pipeline, dot);
        return action.Pipeline.Declarations.Count == 0
            ? Write(GoFormat.Action(value))
            : Flow.Normal;
    }

    private Flow IfOrWith(BranchNode branch, object? dot)
    {
        var scope = _variables.Count;
        try
        {
            var value = Pipeline(branch.Pipeline, dot);
            if (GoValues.IsTrue(value))
            {
                return Walk(branch.Body, branch is WithNode ? value : dot);
            }
            return branch.Else is null ? Flow.Normal : Walk(branch.Else, dot);
        }
        finally
        {
            _variables.RemoveRange(scope, _variables.Count - scope);
        }
    }

    private SourceLocatedException Error(Node node, string message) =>
        TemplateErrors.At(_file, node.Position, $"at <{NodePrinter.Print(node)}>: {message}");
}
