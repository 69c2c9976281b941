namespace Pipelines.Yaml.Editing;

/// <summary>
/// Where a path lands for an edit. <see cref="Steps"/> is the concrete route taken (keys as strings, list positions
/// as ints), which the edit check replays on plain data.
/// </summary>
internal abstract record EditLocation(IReadOnlyList<object> Steps);

/// <summary>The node exists in this mapping or list itself (not only through a merge or an alias).</summary>
internal sealed record FoundNode(
    YamlNode Node,
    YamlNode? Parent,
    int Index,
    IReadOnlyList<object> Steps
) : EditLocation(Steps);

/// <summary>
/// The key at <see cref="Depth"/> is missing from <see cref="Holder"/>: a mapping, an empty value (YAML null) or,
/// when null, an empty document. <see cref="Merged"/> is set when the key is there through a merge key.
/// </summary>
internal sealed record MissingKey(
    YamlNode? Holder,
    int Depth,
    IReadOnlyList<object> Steps,
    (YamlNode Value, MappingEntry Merge)? Merged
) : EditLocation(Steps);

/// <summary>The list item asked for at <see cref="Depth"/> is not in <see cref="Container"/> (a list, an empty value or no document).</summary>
internal sealed record MissingItem(YamlNode? Container, int Depth, IReadOnlyList<object> Steps)
    : EditLocation(Steps);
