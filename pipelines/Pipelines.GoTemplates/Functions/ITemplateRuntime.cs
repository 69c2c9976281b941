namespace Pipelines.GoTemplates.Functions;

/// <summary>What functions that run templates (<c>include</c>, <c>tpl</c>) need from the render that calls them.</summary>
internal interface ITemplateRuntime
{
    /// <summary>Runs the named template with <paramref name="data"/> as dot and returns its output.</summary>
    string Include(string name, object? data);

    /// <summary>Parses and renders <paramref name="text"/> as a template of its own.</summary>
    string Tpl(string text, object? data);

    /// <summary>The file being rendered, for functions whose own errors name it.</summary>
    string File { get; }

    /// <summary>Marks the render as never cached, for a call whose result depends on its arguments (durationRound of a time).</summary>
    void MarkNonDeterministic();
}
