namespace Pipelines.GoTemplates.Syntax;

internal sealed partial class Parser
{
    /// <summary>
    /// <c>if</c>, <c>with</c> or <c>range</c> up to its <c>{{end}}</c>. Like Go, <c>{{else if x}}</c> is read as
    /// <c>{{else}}{{if x}}...{{end}}</c> whose <c>{{end}}</c> is shared, and variables declared inside go out
    /// of scope at the <c>{{end}}</c>.
    /// </summary>
    private Node Control(Token keyword)
    {
        var scope = _variables.Count;
        var kind = keyword.Text;
        var pipeline = Pipeline(kind, TokenKind.RightDelim);
        _rangeDepth += kind == "range" ? 1 : 0;
        _depth++;
        var (body, terminator) = ItemList();
        _depth--;
        _rangeDepth -= kind == "range" ? 1 : 0;
        IReadOnlyList<Node>? elseBody = null;
        if (terminator is { Keyword: "else" })
        {
            elseBody = ElseBody(keyword, terminator);
        }
        else if (terminator is null)
        {
            throw Unclosed(keyword);
        }
        _variables.RemoveRange(scope, _variables.Count - scope);
        return kind switch
        {
            "if" => new IfNode(keyword.Position, pipeline, body, elseBody),
            "with" => new WithNode(keyword.Position, pipeline, body, elseBody),
            _ => new RangeNode(keyword.Position, pipeline, body, elseBody),
        };
    }

    private IReadOnlyList<Node> ElseBody(Token keyword, Terminator elseTerminator)
    {
        if (elseTerminator.Chained is { } chained)
        {
            if (chained != keyword.Text)
            {
                throw Error(
                    elseTerminator.Position,
                    $"{{{{else {chained}}}}} is only allowed inside {{{{{chained}}}}}; inside {{{{{keyword.Text}}}}} write {{{{else}}}}{{{{{chained} ...}}}}...{{{{end}}}}"
                );
            }
            return [Control(Next())];
        }
        _depth++;
        var (elseBody, terminator) = ItemList();
        _depth--;
        return terminator switch
        {
            null => throw Unclosed(keyword),
            { Keyword: "end" } => elseBody,
            _ => throw Error(
                terminator.Position,
                $"expected {{{{end}}}} after {{{{else}}}}; found a second {{{{else}}}}"
            ),
        };
    }

    private Exception Unclosed(Token keyword) =>
        Error(keyword.Position, $"{{{{{keyword.Text}}}}} is never closed: add {{{{end}}}}");
}
