namespace Pipelines.Yaml.Editing;

internal sealed partial class YamlNodeLocator
{
    /// <summary>The error for an edit that lands on an alias: the fix is to edit the anchor.</summary>
    public YamlEditException AliasTarget(AliasNode alias) =>
        document.Error(
            alias.Start,
            $"'{path}' is an alias (*{alias.Name}) of the anchor &{alias.Name} defined at line "
                + $"{document.LineNumber(alias.Target.Start)}{AnchorPath(alias.Target)}. Edit the anchor's value instead "
                + "(that changes every alias of it), or replace the alias with a value of its own by hand."
        );

    /// <summary>The error for a list item that is not there when an edit needs it.</summary>
    public YamlEditException MissingItemError(MissingItem missing)
    {
        var segment = Segments[missing.Depth];
        var prefix = Prefix(missing.Depth);
        if (missing.Container is not SequenceNode sequence)
        {
            var offset = missing.Container?.Start ?? document.Text.Length;
            return document.Error(
                offset,
                $"cannot edit '{path}': '{prefix}' is empty, so it has no item {segment}."
            );
        }
        var problem = segment switch
        {
            YamlPathSegment.Index index =>
                $"'{prefix}' has {sequence.Items.Count} item(s), so there is no item [{index.Position}] (items count from 0).",
            YamlPathSegment.Match match =>
                $"no item of '{prefix}' has {match.Field}={match.Value}. {Known(sequence, match.Field)}",
            _ => $"no item {segment} in '{prefix}'.",
        };
        return document.Error(sequence.Start, $"cannot edit '{path}': {problem}");
    }

    private string Known(SequenceNode sequence, string field)
    {
        var values = sequence.Items.Select(i => FieldOf(i, field)).OfType<string>().ToList();
        return values.Count == 0
            ? $"None of its items has a '{field}' key."
            : $"The {field} values there are: {string.Join(", ", values)}.";
    }

    private MappingNode RequireMapping(YamlNode node, int depth) =>
        node as MappingNode
        ?? throw document.Error(
            node.Start,
            $"cannot follow '{path}': '{Prefix(depth)}' is {node.Describe()}, not a mapping, so it has no key "
                + $"'{((YamlPathSegment.Key)Segments[depth]).Name}'."
                + (
                    node is SequenceNode
                        ? $" Pick an item first, as in {Prefix(depth)}[0] or {Prefix(depth)}[name=...]."
                        : ""
                )
        );

    private SequenceNode RequireSequence(YamlNode node, int depth) =>
        node as SequenceNode
        ?? throw document.Error(
            node.Start,
            $"cannot follow '{path}': '{Prefix(depth)}' is {node.Describe()}, not a list, so it has no item {Segments[depth]}."
        );

    private YamlEditException AliasInTheWay(AliasNode alias, int depth) =>
        document.Error(
            alias.Start,
            $"cannot edit '{path}': '{Prefix(depth)}' is an alias (*{alias.Name}) of the anchor &{alias.Name} defined at "
                + $"line {document.LineNumber(alias.Target.Start)}{AnchorPath(alias.Target)}; an edit through it would change "
                + $"every alias of that anchor. Edit under the anchor's path instead."
        );

    private YamlEditException MergedInTheWay(YamlNode merged, MappingEntry merge, int depth) =>
        document.Error(
            merge.Key.Start,
            $"cannot edit '{path}': '{path.Take(depth + 1)}' exists here only through the merge key '<<' on this line, "
                + $"from line {document.LineNumber(merged.Start)}{AnchorPath(merged)}. A merge is shallow: adding "
                + $"'{Segments[depth]}' here would replace all of it. Edit it where it is defined, or copy it into this "
                + "mapping first."
        );

    private static string AnchorPath(YamlNode anchored) =>
        anchored.Path.Segments.Count == 0 ? " (the document root)" : $" ('{anchored.Path}')";
}
