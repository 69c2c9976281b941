using Pipelines.GoTemplates.Functions;

namespace Pipelines.GoTemplates.Syntax;

internal sealed partial class Parser
{
    private static readonly HashSet<TokenKind> OperandStarts =
    [
        TokenKind.Identifier,
        TokenKind.Field,
        TokenKind.Variable,
        TokenKind.Dot,
        TokenKind.String,
        TokenKind.Number,
        TokenKind.Char,
        TokenKind.Bool,
        TokenKind.Nil,
        TokenKind.LeftParen,
    ];

    /// <summary>Optional declarations, then commands separated by <c>|</c>, up to <paramref name="end"/>.</summary>
    private PipelineNode Pipeline(string context, TokenKind end)
    {
        var position = Peek().Position;
        var (declarations, isAssign) = Declarations(context);
        var commands = new List<CommandNode>();
        while (Peek().Kind != end)
        {
            var token = Peek();
            if (!OperandStarts.Contains(token.Kind))
            {
                throw Unexpected(token, context);
            }
            var command = Command();
            if (commands.Count > 0 && command.Arguments[0] is LiteralNode or DotNode)
            {
                throw Error(
                    command.Position,
                    $"non executable command in pipeline stage {commands.Count + 1}: only a function or field can follow '|'"
                );
            }
            commands.Add(command);
            if (_tokens[_index - 1].Kind == TokenKind.Pipe && Peek().Kind == end)
            {
                throw Error(Peek().Position, "missing command after '|'");
            }
        }
        Next();
        if (commands.Count == 0)
        {
            throw Error(position, $"missing value for {context}");
        }
        return new PipelineNode(position, declarations, isAssign, commands);
    }

    /// <summary><c>$x :=</c>, <c>$x =</c>, or in a range <c>$i, $v :=</c>.</summary>
    private (IReadOnlyList<string> Names, bool IsAssign) Declarations(string context)
    {
        var names = new List<string>();
        while (Peek().Kind == TokenKind.Variable)
        {
            var variable = Peek();
            var after = Peek(1);
            if (after.Kind is TokenKind.Declare or TokenKind.Assign)
            {
                _index += 2;
                var isAssign = after.Kind == TokenKind.Assign;
                if (isAssign && !_variables.Contains(variable.Text))
                {
                    throw Error(
                        variable.Position,
                        $"undefined variable \"{variable.Text}\": declare it first with {variable.Text} := ..."
                    );
                }
                names.Add(variable.Text);
                _variables.Add(variable.Text);
                return (names, isAssign);
            }
            if (after.Kind != TokenKind.Comma)
            {
                break;
            }
            if (context != "range" || names.Count > 0 || Peek(2).Kind != TokenKind.Variable)
            {
                throw Error(variable.Position, $"too many declarations in {context}");
            }
            _index += 2;
            names.Add(variable.Text);
            _variables.Add(variable.Text);
            if (Peek(1).Kind is not (TokenKind.Declare or TokenKind.Assign))
            {
                throw Error(
                    Peek().Position,
                    "range can only initialize variables: write range $i, $v := ..."
                );
            }
        }
        return (names, false);
    }

    /// <summary>Space-separated operands; the first is the function (or the only value).</summary>
    private CommandNode Command()
    {
        var position = Peek().Position;
        var arguments = new List<Node>();
        while (true)
        {
            arguments.Add(Operand());
            var token = Peek();
            if (token.Kind is TokenKind.RightDelim or TokenKind.RightParen)
            {
                break;
            }
            if (token.Kind == TokenKind.Pipe)
            {
                Next();
                break;
            }
            if (!token.SpaceBefore || !OperandStarts.Contains(token.Kind))
            {
                throw Unexpected(token, "operand");
            }
        }
        return new CommandNode(position, arguments);
    }

    /// <summary>A term, with fields chained directly onto it: <c>$x.A</c>, <c>(get "a" .).B</c>.</summary>
    private Node Operand()
    {
        var term = Term();
        var fields = new List<string>();
        while (Peek() is { Kind: TokenKind.Field, SpaceBefore: false } field)
        {
            Next();
            fields.Add(field.Text[1..]);
        }
        if (fields.Count == 0)
        {
            return term;
        }
        return term switch
        {
            FieldNode f => f with { Names = [.. f.Names, .. fields] },
            VariableNode v => v with { Fields = [.. v.Fields, .. fields] },
            LiteralNode or DotNode => throw Error(
                Peek().Position,
                "unexpected '.' after a literal or dot"
            ),
            _ => new ChainNode(term.Position, term, fields),
        };
    }

    private Node Term()
    {
        var token = Next();
        return token.Kind switch
        {
            TokenKind.Identifier => FunctionTable.Contains(token.Text)
                ? new IdentifierNode(token.Position, token.Text)
                : throw Error(token.Position, FunctionTable.Unsupported(token.Text)),
            TokenKind.Dot => new DotNode(token.Position),
            TokenKind.Nil => new LiteralNode(token.Position, null, "nil"),
            TokenKind.Variable => _variables.Contains(token.Text)
                ? new VariableNode(token.Position, token.Text, [])
                : throw Error(token.Position, $"undefined variable \"{token.Text}\""),
            TokenKind.Field => new FieldNode(token.Position, [token.Text[1..]]),
            TokenKind.Bool => new LiteralNode(token.Position, token.Text == "true", token.Text),
            TokenKind.String => new LiteralNode(token.Position, token.Value, token.Text),
            TokenKind.Char => new LiteralNode(
                token.Position,
                (long)token.Value!.EnumerateRunes().First().Value,
                token.Text
            ),
            TokenKind.Number => Number(token),
            TokenKind.LeftParen => Pipeline("parenthesized pipeline", TokenKind.RightParen),
            _ => throw Unexpected(token, "operand"),
        };
    }

    private LiteralNode Number(Token token)
    {
        try
        {
            return new LiteralNode(token.Position, NumberLiteral.Parse(token.Text), token.Text);
        }
        catch (FormatException exception)
        {
            throw Error(token.Position, exception.Message);
        }
    }
}
