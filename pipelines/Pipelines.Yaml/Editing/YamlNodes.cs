using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// A node of the parsed document with the character positions (0-based offsets into the text) an edit splices at.
/// <paramref name="start"/> includes the node's anchor or tag; <paramref name="contentEnd"/> is just past its last
/// meaningful character (a block collection ends with its last child, not at the dedent the parser reports).
/// </summary>
internal abstract class YamlNode(int start, int contentEnd, YamlPath path, string? anchor)
{
    public int Start { get; } = start;
    public int ContentEnd { get; } = contentEnd;
    public YamlPath Path { get; } = path;
    public string? Anchor { get; } = anchor;

    public abstract string Describe();
}

internal sealed class ScalarNode(
    int start,
    int tokenStart,
    int end,
    int contentEnd,
    YamlPath path,
    string? anchor,
    string value,
    ScalarStyle style
) : YamlNode(start, contentEnd, path, anchor)
{
    /// <summary>Where the scalar's own text begins, after any anchor or tag.</summary>
    public int TokenStart { get; } = tokenStart;
    public int End { get; } = end;
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;

    /// <summary><c>key:</c> with nothing after it: YAML null, which an edit may fill with a value or a block.</summary>
    public bool IsEmpty =>
        Style is ScalarStyle.Plain or ScalarStyle.Any && Value.Length == 0 && TokenStart == End;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    public override string Describe() => IsEmpty ? "an empty value" : $"the scalar '{Value}'";
}

internal sealed record MappingEntry(YamlNode Key, YamlNode Value, int Colon)
{
    public string? KeyText => (Key as ScalarNode)?.Value;
}

internal sealed class MappingNode(
    int start,
    int contentEnd,
    YamlPath path,
    string? anchor,
    bool isFlow,
    IReadOnlyList<MappingEntry> entries,
    int close,
    int propertiesEnd
) : YamlNode(start, contentEnd, path, anchor)
{
    public bool IsFlow { get; } = isFlow;
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;

    /// <summary>The offset of the closing brace of a flow mapping; -1 for a block mapping.</summary>
    public int Close { get; } = close;

    /// <summary>Just past the anchor or tag written before a block mapping's first key; -1 when it has none.</summary>
    public int PropertiesEnd { get; } = propertiesEnd;

    public override string Describe() => IsFlow ? "a flow mapping" : "a mapping";
}

internal sealed record SequenceItem(YamlNode Value, int Dash);

internal sealed class SequenceNode(
    int start,
    int contentEnd,
    YamlPath path,
    string? anchor,
    bool isFlow,
    IReadOnlyList<SequenceItem> items,
    int close,
    int propertiesEnd
) : YamlNode(start, contentEnd, path, anchor)
{
    public bool IsFlow { get; } = isFlow;
    public IReadOnlyList<SequenceItem> Items { get; } = items;

    /// <summary>The offset of the closing bracket of a flow sequence; -1 for a block sequence.</summary>
    public int Close { get; } = close;

    /// <summary>Just past the anchor or tag written before a block sequence's first dash; -1 when it has none.</summary>
    public int PropertiesEnd { get; } = propertiesEnd;

    public override string Describe() => IsFlow ? "a flow list" : "a list";
}

internal sealed class AliasNode(int start, int end, YamlPath path, string name, YamlNode target)
    : YamlNode(start, end, path, null)
{
    public string Name { get; } = name;
    public YamlNode Target { get; } = target;

    public override string Describe() => $"the alias *{Name}";
}
