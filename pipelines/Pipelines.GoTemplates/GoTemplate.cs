using Pipelines.Failures;
using Pipelines.GoTemplates.Execution;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates;

/// <summary>
/// A parsed Go text/template, as helmfile renders <c>helmfile.yaml.gotmpl</c> and values templates: Go's syntax
/// and semantics (named templates included) with sprig and helmfile's function set and <c>missingkey=error</c>.
/// Every error is a <see cref="Pipelines.Failures.SourceLocatedException"/> whose message starts with
/// <c>file:line:column:</c>.
/// </summary>
public sealed class GoTemplate
{
    private readonly TemplateTree _tree;
    private readonly string _file;

    private GoTemplate(TemplateTree tree, string file)
    {
        _tree = tree;
        _file = file;
    }

    /// <summary>Parses <paramref name="text"/>; syntax errors and unsupported functions or actions fail here, not at render.</summary>
    public static GoTemplate Parse(string text, string file) => new(Parser.Parse(text, file), file);

    /// <summary>
    /// Renders with <paramref name="data"/> as <c>.</c> and <c>$</c>: plain data as <c>YamlData</c> produces it
    /// (dictionaries, lists, string, bool, long, double, null).
    /// </summary>
    public string Render(object? data, TemplateContext context) => Execute(data, context).Text;

    /// <summary>Renders like <see cref="Render"/> and also tells whether the output may be cached.</summary>
    public TemplateOutput Execute(object? data, TemplateContext context)
    {
        var session = new RenderSession(TemplateSet.Helpers(context.BaseDirectory));
        var text = Evaluator.Render(
            _tree.Main,
            TemplateSet.Merge(session.Helpers, _tree.Defines),
            // Go's maps are shared, so set and merge change them; each render works on its own copy of the data so
            // that no change reaches the caller's values or another render running in parallel.
            GoValues.DeepCopy(data),
            _file,
            context,
            session
        );
        return new TemplateOutput(text, Deterministic: !session.NonDeterministic);
    }

    /// <summary>Whether <paramref name="text"/> has anything to render; text without <c>{{</c> renders as itself.</summary>
    public static bool ContainsActions(string text) =>
        text.Contains("{{", StringComparison.Ordinal);
}

/// <summary>
/// A render's text, and whether rendering it again gives the same text: false once a function such as
/// <c>randAlphaNum</c>, <c>uuidv4</c> or <c>now</c> was called, so callers never cache it.
/// </summary>
public sealed record TemplateOutput(string Text, bool Deterministic);
