using Pipelines.Helmfile.Templates.Execution;
using Pipelines.Helmfile.Templates.Syntax;

namespace Pipelines.Helmfile.Templates;

/// <summary>
/// A parsed Go text/template, as helmfile renders <c>helmfile.yaml.gotmpl</c> and values templates: Go's syntax
/// and semantics with helmfile's function set and <c>missingkey=error</c>. Named templates (<c>define</c>,
/// <c>template</c>, <c>block</c>) are not supported. Every error is a
/// <see cref="Pipelines.Engine.SourceLocatedException"/> whose message starts with <c>file:line:column:</c>.
/// </summary>
public sealed class GoTemplate
{
    private readonly IReadOnlyList<Node> _nodes;
    private readonly string _file;

    private GoTemplate(IReadOnlyList<Node> nodes, string file)
    {
        _nodes = nodes;
        _file = file;
    }

    /// <summary>Parses <paramref name="text"/>; syntax errors and unsupported functions or actions fail here, not at render.</summary>
    public static GoTemplate Parse(string text, string file) => new(Parser.Parse(text, file), file);

    /// <summary>
    /// Renders with <paramref name="data"/> as <c>.</c> and <c>$</c>: plain data as <c>YamlData</c> produces it
    /// (dictionaries, lists, string, bool, long, double, null).
    /// </summary>
    public string Render(object? data, TemplateContext context) =>
        Evaluator.Render(_nodes, data, _file, context);

    /// <summary>Whether <paramref name="text"/> has anything to render; text without <c>{{</c> renders as itself.</summary>
    public static bool ContainsActions(string text) =>
        text.Contains("{{", StringComparison.Ordinal);
}
