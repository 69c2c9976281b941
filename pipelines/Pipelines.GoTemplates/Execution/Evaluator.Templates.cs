using System.Text;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

internal sealed partial class Evaluator
{
    /// <summary><c>{{template "name" pipeline}}</c>: the named template's output goes straight into ours.</summary>
    private Flow TemplateCall(TemplateCallNode call, object? dot)
    {
        var scope = _variables.Count;
        try
        {
            var data = call.Pipeline is null ? null : Pipeline(call.Pipeline, dot);
            RunNamed(call, call.Name, data);
            return Flow.Normal;
        }
        finally
        {
            _variables.RemoveRange(scope, _variables.Count - scope);
        }
    }

    /// <summary>helm's and helmfile's <c>include</c>: a named template's output as a string, for pipelines.</summary>
    internal string Include(Node at, string name, object? data)
    {
        var output = _output;
        _output = new StringBuilder();
        try
        {
            RunNamed(at, name, data);
            return _output.ToString();
        }
        finally
        {
            _output = output;
        }
    }

    /// <summary>
    /// helmfile's <c>tpl</c>: renders <paramref name="text"/> as a template of its own, with the same functions and
    /// helper templates but not the templates the calling text defines (helmfile parses it into a new template).
    /// </summary>
    internal string Tpl(string text, object? data)
    {
        var tree = Parser.Parse(text, "tpl");
        var templates = TemplateSet.Merge(_session.Helpers, tree.Defines);
        return Render(tree.Main, templates, data, "tpl", _context, _session);
    }

    private void RunNamed(Node at, string name, object? data)
    {
        if (!_templates.TryGetValue(name, out var body))
        {
            var known =
                _templates.Count == 0
                    ? "no templates are defined"
                    : "defined: "
                        + string.Join(
                            ", ",
                            _templates.Keys.Order(StringComparer.Ordinal).Select(k => $"\"{k}\"")
                        );
            throw Error(at, $"template \"{name}\" not defined ({known})");
        }
        if (_session.Depth >= RenderSession.MaxDepth)
        {
            throw Error(
                at,
                $"rendering template has a nested reference name: {name}: more than {RenderSession.MaxDepth} templates deep"
            );
        }
        var variables = _variables;
        _variables = [("$", data)];
        _session.Depth++;
        try
        {
            Walk(body, data);
        }
        finally
        {
            _session.Depth--;
            _variables = variables;
        }
    }
}
