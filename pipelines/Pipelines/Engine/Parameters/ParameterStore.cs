namespace Pipelines.Engine;

/// <summary>The bound values of one build run, and where each came from.</summary>
public sealed class ParameterStore
{
    private readonly Dictionary<string, (object? Value, string Source)> _values = new(
        StringComparer.OrdinalIgnoreCase
    );

    internal void Set(BuildParameter parameter, object? value, string source) =>
        _values[parameter.Member.Name] = (value, source);

    /// <summary>By member name, as <c>TryGetValue(() => Member)</c> sees it.</summary>
    public bool TryGet(string name, out object? value)
    {
        var found = _values.TryGetValue(name, out var entry);
        value = entry.Value;
        return found;
    }

    public string? SourceOf(string name) =>
        _values.TryGetValue(name, out var entry) ? entry.Source : null;
}
