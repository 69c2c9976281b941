using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// Finding a key in a mapping the way YAML readers do: the mapping's own key first, then the mappings merged in
/// with <c>&lt;&lt;: *anchor</c> (or a list of them, earlier ones winning). A key written twice is an error.
/// </summary>
internal static class MappingLookup
{
    /// <summary>The mapping's own entry for <paramref name="key"/>, or null. The key <c>&lt;&lt;</c> finds the merge entry itself.</summary>
    public static MappingEntry? Local(YamlDocument document, MappingNode mapping, string key)
    {
        MappingEntry? found = null;
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText != key)
            {
                continue;
            }
            if (found is not null)
            {
                throw document.Error(
                    entry.Key.Start,
                    $"the key '{key}' appears twice in this mapping (lines {document.LineNumber(found.Key.Start)} and "
                        + $"{document.LineNumber(entry.Key.Start)}); YAML readers disagree on which one counts. "
                        + "Remove one of them."
                );
            }
            found = entry;
        }
        return found;
    }

    /// <summary>The value <paramref name="key"/> has only through a merge key, with the merge entry it comes from.</summary>
    public static (YamlNode Value, MappingEntry Merge)? Merged(
        YamlDocument document,
        MappingNode mapping,
        string key
    )
    {
        foreach (var merge in mapping.Entries.Where(IsMerge))
        {
            foreach (var source in MergeSources(merge.Value))
            {
                if (Find(document, source, key) is { } value)
                {
                    return (value, merge);
                }
            }
        }
        return null;
    }

    /// <summary>The value of <paramref name="key"/> as a reader sees it: local, else merged; null when absent.</summary>
    public static YamlNode? Find(YamlDocument document, MappingNode mapping, string key) =>
        Local(document, mapping, key)?.Value ?? Merged(document, mapping, key)?.Value;

    public static bool IsMerge(MappingEntry entry) =>
        entry.Key is ScalarNode { Value: "<<", Style: ScalarStyle.Plain };

    public static YamlNode Resolve(YamlNode node) =>
        node is AliasNode alias ? Resolve(alias.Target) : node;

    private static IEnumerable<MappingNode> MergeSources(YamlNode value) =>
        Resolve(value) switch
        {
            MappingNode mapping => [mapping],
            SequenceNode sequence => sequence
                .Items.Select(i => Resolve(i.Value))
                .OfType<MappingNode>(),
            _ => [],
        };
}
