using Pipelines.Failures;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// Functions that run templates: <c>include</c> (a named template's output as a string, with helm's and
/// helmfile's semantics) and helmfile's <c>tpl</c> (a string rendered as a template of its own).
/// </summary>
internal static class TemplateFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("include", 2, 2, call => call.Runtime.Include(call.String(0), call[1])),
            new("tpl", 2, 2, Tpl),
        ];

    private static object? Tpl(FunctionCall call)
    {
        try
        {
            return call.Runtime.Tpl(call.String(0), call[1]);
        }
        catch (Pipelines.Failures.SourceLocatedException exception)
            when (exception.Message.StartsWith("tpl:", StringComparison.Ordinal))
        {
            // The text's own positions mean little on their own; the evaluator adds where tpl was called.
            throw call.Fail(exception.Message);
        }
    }
}
