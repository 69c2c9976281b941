namespace Pipelines.GoTemplates.Syntax;

internal sealed partial class Parser
{
    /// <summary>
    /// <c>{{define "name"}}...{{end}}</c>, only at the top level as in Go. The body sees only <c>$</c>, which is
    /// the data passed by <c>template</c> or <c>include</c>.
    /// </summary>
    private void Define(Token keyword)
    {
        if (_depth > 0)
        {
            throw Error(
                keyword.Position,
                "{{define}} is only allowed at the top level of a template, not inside if, with, range, block or another define"
            );
        }
        var name = TemplateName("define");
        Expect(TokenKind.RightDelim, "define clause");
        var body = NamedBody(keyword);
        if (
            _defines.TryGetValue(name, out var earlier)
            && !TemplateTree.IsEmpty(earlier)
            && !TemplateTree.IsEmpty(body)
        )
        {
            throw Error(keyword.Position, $"template: multiple definition of template \"{name}\"");
        }
        if (earlier is null || !TemplateTree.IsEmpty(body))
        {
            _defines[name] = body;
        }
    }

    /// <summary><c>{{template "name"}}</c> or <c>{{template "name" pipeline}}</c>; the name must be a string constant.</summary>
    private TemplateCallNode TemplateCall(Token keyword)
    {
        var name = TemplateName("template");
        if (Peek().Kind == TokenKind.RightDelim)
        {
            Next();
            return new TemplateCallNode(keyword.Position, name, null);
        }
        return new TemplateCallNode(
            keyword.Position,
            name,
            Pipeline("template clause", TokenKind.RightDelim)
        );
    }

    /// <summary><c>{{block "name" pipeline}}body{{end}}</c>: defines the template and runs it in place.</summary>
    private TemplateCallNode Block(Token keyword)
    {
        var name = TemplateName("block");
        var pipeline = Pipeline("block clause", TokenKind.RightDelim);
        var body = NamedBody(keyword);
        if (!_defines.TryGetValue(name, out var earlier) || !TemplateTree.IsEmpty(body))
        {
            if (earlier is not null && !TemplateTree.IsEmpty(earlier))
            {
                throw Error(
                    keyword.Position,
                    $"template: multiple definition of template \"{name}\""
                );
            }
            _defines[name] = body;
        }
        return new TemplateCallNode(keyword.Position, name, pipeline);
    }

    private string TemplateName(string context)
    {
        var token = Next();
        return token.Kind == TokenKind.String
            ? token.Value!
            : throw Error(
                token.Position,
                $"unexpected {token.Describe()} in {context} clause: the template name must be a string constant, as in {{{{{context} \"name\"}}}}"
            );
    }

    /// <summary>The body of a define or block up to its <c>{{end}}</c>, with a fresh variable scope holding only <c>$</c>.</summary>
    private IReadOnlyList<Node> NamedBody(Token keyword)
    {
        var variables = _variables.ToList();
        var rangeDepth = _rangeDepth;
        _variables.Clear();
        _variables.Add("$");
        _rangeDepth = 0;
        _depth++;
        var (body, terminator) = ItemList();
        _depth--;
        _rangeDepth = rangeDepth;
        _variables.Clear();
        _variables.AddRange(variables);
        return terminator switch
        {
            null => throw Unclosed(keyword),
            { Keyword: "end" } => body,
            _ => throw Error(
                terminator.Position,
                $"unexpected {{{{else}}}} in {keyword.Text}: only if, with and range take an else"
            ),
        };
    }
}
