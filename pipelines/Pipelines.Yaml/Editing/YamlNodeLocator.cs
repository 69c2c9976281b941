namespace Pipelines.Yaml.Editing;

/// <summary>
/// Follows a <see cref="YamlPath"/> through a document. Reads see what a YAML reader sees (aliases and merge keys
/// followed); edits stop at anything they could not change in place: an alias, or a key only present via a merge.
/// </summary>
internal sealed partial class YamlNodeLocator(YamlDocument document, YamlPath path)
{
    private IReadOnlyList<YamlPathSegment> Segments => path.Segments;

    /// <summary>The node a reader finds at the path (aliases resolved), or null when some step is absent.</summary>
    public YamlNode? Read(bool lenient = false)
    {
        var node = document.Root;
        for (var i = 0; i < Segments.Count; i++)
        {
            if (node is null || MappingLookup.Resolve(node) is ScalarNode { IsEmpty: true })
            {
                return null;
            }
            node = MappingLookup.Resolve(node);
            if (lenient && !Fits(node, Segments[i]))
            {
                return null;
            }
            node = Segments[i] switch
            {
                YamlPathSegment.Key key => MappingLookup.Find(
                    document,
                    RequireMapping(node, i),
                    key.Name
                ),
                YamlPathSegment.Index index => RequireSequence(node, i)
                    .Items.ElementAtOrDefault(index.Position)
                    ?.Value,
                YamlPathSegment.Match match => FindMatch(
                    RequireSequence(node, i),
                    match,
                    i
                )?.Item.Value,
                _ => throw new InvalidOperationException(Segments[i].GetType().Name),
            };
        }
        return node is null ? null : MappingLookup.Resolve(node);
    }

    /// <summary>Where an edit of the path applies; throws when the path cannot be edited in place.</summary>
    public EditLocation Locate()
    {
        var node = document.Root;
        YamlNode? parent = null;
        var position = -1;
        var steps = new List<object>();
        for (var i = 0; i < Segments.Count; i++)
        {
            if (node is AliasNode alias)
            {
                throw AliasInTheWay(alias, i);
            }
            if (node is null or ScalarNode { IsEmpty: true })
            {
                return Segments[i] is YamlPathSegment.Key
                    ? new MissingKey(node, i, steps, null)
                    : new MissingItem(node, i, steps);
            }
            switch (Segments[i])
            {
                case YamlPathSegment.Key key:
                    var mapping = RequireMapping(node, i);
                    var entry = MappingLookup.Local(document, mapping, key.Name);
                    if (entry is null)
                    {
                        var merged = MappingLookup.Merged(document, mapping, key.Name);
                        if (merged is { } m && i < Segments.Count - 1)
                        {
                            throw MergedInTheWay(m.Value, m.Merge, i);
                        }
                        return new MissingKey(mapping, i, steps, merged);
                    }
                    (parent, position, node) = (mapping, IndexOf(mapping, entry), entry.Value);
                    steps.Add(key.Name);
                    break;
                case YamlPathSegment.Index index:
                    var list = RequireSequence(node, i);
                    if (index.Position >= list.Items.Count)
                    {
                        return new MissingItem(list, i, steps);
                    }
                    (parent, position, node) = (
                        list,
                        index.Position,
                        list.Items[index.Position].Value
                    );
                    steps.Add(index.Position);
                    break;
                case YamlPathSegment.Match match:
                    var sequence = RequireSequence(node, i);
                    if (FindMatch(sequence, match, i) is not { } found)
                    {
                        return new MissingItem(sequence, i, steps);
                    }
                    (parent, position, node) = (sequence, found.Position, found.Item.Value);
                    steps.Add(found.Position);
                    break;
            }
        }
        return new FoundNode(node!, parent, position, steps);
    }

    private static bool Fits(YamlNode node, YamlPathSegment segment) =>
        segment is YamlPathSegment.Key ? node is MappingNode : node is SequenceNode;

    private static int IndexOf(MappingNode mapping, MappingEntry entry) =>
        mapping.Entries.ToList().IndexOf(entry);

    private (SequenceItem Item, int Position)? FindMatch(
        SequenceNode sequence,
        YamlPathSegment.Match match,
        int depth
    )
    {
        (SequenceItem Item, int Position)? found = null;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (FieldOf(sequence.Items[i], match.Field) != match.Value)
            {
                continue;
            }
            if (found is { } first)
            {
                throw document.Error(
                    sequence.Items[i].Value.Start,
                    $"'{path}' is ambiguous: items {first.Position} (line {document.LineNumber(first.Item.Value.Start)}) "
                        + $"and {i} of '{Prefix(depth)}' both have {match.Field}={match.Value}. Make the {match.Field} values unique."
                );
            }
            found = (sequence.Items[i], i);
        }
        return found;
    }

    private string? FieldOf(SequenceItem item, string field) =>
        MappingLookup.Resolve(item.Value) is MappingNode mapping
        && MappingLookup.Find(document, mapping, field) is { } value
        && MappingLookup.Resolve(value) is ScalarNode scalar
            ? scalar.Value
            : null;

    private string Prefix(int depth) =>
        depth == 0 ? "(the document root)" : path.Take(depth).ToString();
}
