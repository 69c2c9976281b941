namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// A function callable from templates. <paramref name="MaxArgs"/> is null for variadic functions. Arity is
/// checked before <paramref name="Invoke"/> runs, so bodies can index their arguments freely.
/// </summary>
internal sealed record TemplateFunction(
    string Name,
    int MinArgs,
    int? MaxArgs,
    Func<FunctionCall, object?> Invoke
)
{
    /// <summary>
    /// True for functions whose result differs between runs (random values, the clock, uuids): a render that
    /// calls one is not cached.
    /// </summary>
    public bool NonDeterministic { get; init; }
}

/// <summary>A failure inside a function; the evaluator adds the file, position and call text.</summary>
internal sealed class TemplateFunctionException(string message) : Exception(message);
