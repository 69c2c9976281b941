namespace Pipelines.Yaml.Editing;

/// <summary>Which aliases point into a part of the document, so removing that part cannot leave an alias dangling.</summary>
internal static class AnchorUse
{
    /// <summary>Throws when an alias outside <paramref name="removed"/> refers to an anchor inside it.</summary>
    public static void CheckRemovable(
        YamlDocument document,
        IReadOnlyList<YamlNode> removed,
        string what
    )
    {
        var inside = new HashSet<YamlNode>(
            removed.SelectMany(Descendants),
            ReferenceEqualityComparer.Instance
        );
        var dangling = Descendants(document.Root)
            .OfType<AliasNode>()
            .FirstOrDefault(alias => !inside.Contains(alias) && inside.Contains(alias.Target));
        if (dangling is not null)
        {
            throw document.Error(
                dangling.Start,
                $"cannot remove {what}: it defines the anchor &{dangling.Name} (line {document.LineNumber(dangling.Target.Start)}) "
                    + $"that the alias *{dangling.Name} here uses. Replace or remove the alias first."
            );
        }
    }

    private static IEnumerable<YamlNode> Descendants(YamlNode? node)
    {
        if (node is null)
        {
            yield break;
        }
        yield return node;
        var children = node switch
        {
            MappingNode mapping => mapping.Entries.SelectMany(e => new[] { e.Key, e.Value }),
            SequenceNode sequence => sequence.Items.Select(i => i.Value),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
