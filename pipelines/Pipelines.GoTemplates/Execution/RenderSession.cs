using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

/// <summary>
/// What one render shares across the templates it runs (the main one, named ones, <c>tpl</c> texts): whether a
/// function whose result differs between runs was called, and how deeply named templates nest.
/// </summary>
internal sealed class RenderSession(IReadOnlyDictionary<string, IReadOnlyList<Node>> helpers)
{
    /// <summary>The helper templates (helmfile's <c>_*.tpl</c> files) every template of the render can include.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Node>> Helpers => helpers;

    /// <summary>helmfile's limit for include recursion; Go's own limit is far beyond what a thread's stack holds here.</summary>
    public const int MaxDepth = 1000;

    public bool NonDeterministic { get; set; }

    public int Depth { get; set; }
}
