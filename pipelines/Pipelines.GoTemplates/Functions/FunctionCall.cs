using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// The evaluated arguments of one call. The typed accessors check types the way Go's reflection-based call
/// does: a <c>string</c> parameter accepts only a string, an <c>int</c> parameter only an integer.
/// </summary>
internal sealed class FunctionCall(
    string name,
    IReadOnlyList<object?> arguments,
    TemplateContext context,
    ITemplateRuntime runtime
)
{
    /// <summary>The render that made this call, for functions that run templates.</summary>
    public ITemplateRuntime Runtime => runtime;

    public string Name => name;

    public IReadOnlyList<object?> Arguments => arguments;

    public TemplateContext Context => context;

    /// <summary>A render that made this call is never cached (the result read the clock, say).</summary>
    public void MarkNonDeterministic() => runtime.MarkNonDeterministic();

    public int Count => arguments.Count;

    public object? this[int index] => arguments[index];

    public string String(int index) =>
        arguments[index] as string ?? throw WrongType(index, "string");

    public long Int(int index) =>
        arguments[index] is long whole ? whole : throw WrongType(index, "int");

    public bool Bool(int index) =>
        arguments[index] is bool flag ? flag : throw WrongType(index, "bool");

    /// <summary>A map parameter; nil is an empty map, as Go passes a nil map.</summary>
    public IReadOnlyDictionary<string, object?> Map(int index) =>
        arguments[index] switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> map => map,
            _ => throw WrongType(index, "map[string]interface {}"),
        };

    /// <summary>An error the function itself reports; Go prefixes these with "error calling NAME:".</summary>
    public TemplateFunctionException Fail(string message) =>
        new($"error calling {name}: {message}");

    private TemplateFunctionException WrongType(int index, string expected) =>
        new(
            arguments[index] is null
                ? $"invalid value; expected {expected} (argument {index + 1} of {name} is nil)"
                : $"wrong type for value; expected {expected}; got {GoFormat.TypeName(arguments[index])} (argument {index + 1} of {name})"
        );
}
