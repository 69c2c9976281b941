namespace Pipelines.GitHubActions.Writing;

/// <summary>
/// A YAML node tree small enough to reason about: maps keep the order they were built in, which is what makes the
/// output's key order stable and reviewable.
/// </summary>
internal abstract record YamlNode;

/// <summary>
/// A scalar. <see cref="IsText"/> false for numbers and bools, which are written plain; text is quoted whenever a
/// YAML 1.1 or 1.2 reader could take it for something else. <see cref="Comment"/> is written after it on its line.
/// </summary>
internal sealed record YamlScalar(string Value, bool IsText = true, string? Comment = null)
    : YamlNode
{
    public static YamlScalar Number(int value) =>
        new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), IsText: false);

    public static YamlScalar Bool(bool value) => new(value ? "true" : "false", IsText: false);
}

/// <summary>A block sequence.</summary>
internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items) : YamlNode;

/// <summary>A block mapping with keys in insertion order.</summary>
internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<string, YamlNode>> Entries) : YamlNode
{
    /// <summary>Builds a mapping from optional entries: null values are left out.</summary>
    public static YamlMapping Of(params (string Key, YamlNode? Value)[] entries) =>
        new(
            entries
                .Where(e => e.Value is not null)
                .Select(e => KeyValuePair.Create(e.Key, e.Value!))
                .ToList()
        );

    /// <summary>One entry per item, in the items' order.</summary>
    public static YamlMapping From<T>(
        IEnumerable<T> items,
        Func<T, string> key,
        Func<T, YamlNode> value
    ) => new(items.Select(i => KeyValuePair.Create(key(i), value(i))).ToList());

    public bool IsEmpty => Entries.Count == 0;
}
