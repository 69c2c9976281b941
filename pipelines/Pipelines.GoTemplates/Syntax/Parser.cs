using Pipelines.Failures;
using Pipelines.GoTemplates.Functions;

namespace Pipelines.GoTemplates.Syntax;

/// <summary>
/// Builds the node tree from tokens, following Go's text/template parser: variables must be declared before
/// use, functions must exist, and control structures must be closed by <c>{{end}}</c>.
/// </summary>
internal sealed partial class Parser
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly string _file;

    /// <summary>Variables in scope, innermost last; <c>$</c> (the root data) always is.</summary>
    private readonly List<string> _variables = ["$"];
    private readonly Dictionary<string, IReadOnlyList<Node>> _defines = new(StringComparer.Ordinal);
    private int _index;
    private int _rangeDepth;

    /// <summary>How many if, with, range, block or define bodies enclose the current position; define needs 0.</summary>
    private int _depth;

    private Parser(IReadOnlyList<Token> tokens, string file)
    {
        _tokens = tokens;
        _file = file;
    }

    public static TemplateTree Parse(string text, string file)
    {
        var parser = new Parser(Lexer.Tokenize(text, new SourceMap(text, file)), file);
        var (nodes, terminator) = parser.ItemList();
        if (terminator is not null)
        {
            throw parser.Error(
                terminator.Position,
                $"unexpected {{{{{terminator.Keyword}}}}}: there is no open if, with, range, define or block to {(terminator.Keyword == "end" ? "close" : "continue")}"
            );
        }
        return new TemplateTree(nodes, parser._defines);
    }

    /// <summary><c>{{end}}</c> or <c>{{else}}</c> (possibly followed by <c>if</c>/<c>with</c>), which ends a list.</summary>
    private sealed record Terminator(
        SourcePosition Position,
        string Keyword,
        string? Chained = null
    );

    /// <summary>Text and actions up to a terminator; a null terminator means the end of the template.</summary>
    private (IReadOnlyList<Node> Nodes, Terminator? Terminator) ItemList()
    {
        var nodes = new List<Node>();
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.EndOfFile:
                    return (nodes, null);
                case TokenKind.Text:
                    nodes.Add(new TextNode(token.Position, token.Value!));
                    break;
                case TokenKind.LeftDelim:
                    var item = Action(token);
                    if (item is Terminator terminator)
                    {
                        return (nodes, terminator);
                    }
                    if (item is Node node)
                    {
                        nodes.Add(node);
                    }
                    break;
                default:
                    throw Unexpected(token, "input");
            }
        }
    }

    /// <summary>Everything after <c>{{</c>: a keyword action, or a pipeline whose value is printed.</summary>
    private object Action(Token open)
    {
        var token = Peek();
        if (token.Kind != TokenKind.Keyword || token.Text == "nil")
        {
            return new ActionNode(open.Position, Pipeline("command", TokenKind.RightDelim));
        }
        Next();
        switch (token.Text)
        {
            case "if" or "with" or "range":
                return Control(token);
            case "else":
                var chained = Peek();
                if (chained.Kind == TokenKind.Keyword && chained.Text is "if" or "with")
                {
                    return new Terminator(token.Position, "else", chained.Text);
                }
                Expect(TokenKind.RightDelim, "else");
                return new Terminator(token.Position, "else");
            case "end":
                Expect(TokenKind.RightDelim, "end");
                return new Terminator(token.Position, "end");
            case "break" or "continue":
                if (_rangeDepth == 0)
                {
                    throw Error(token.Position, $"{{{{{token.Text}}}}} outside {{{{range}}}}");
                }
                Expect(TokenKind.RightDelim, token.Text);
                return token.Text == "break"
                    ? new BreakNode(token.Position)
                    : new ContinueNode(token.Position);
            case "define":
                Define(token);
                return Defined;
            case "template":
                return TemplateCall(token);
            default:
                return Block(token);
        }
    }

    /// <summary>What <see cref="Action"/> returns for a <c>{{define}}</c>: it leaves nothing in the list.</summary>
    private static readonly object Defined = new();

    private Token Peek(int ahead = 0) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Next() => _tokens[Math.Min(_index++, _tokens.Count - 1)];

    private Token Expect(TokenKind kind, string context)
    {
        var token = Next();
        return token.Kind == kind ? token : throw Unexpected(token, context);
    }

    private SourceLocatedException Unexpected(Token token, string context) =>
        Error(token.Position, $"unexpected {token.Describe()} in {context}");

    private SourceLocatedException Error(SourcePosition position, string message) =>
        TemplateErrors.At(_file, position, message);
}
