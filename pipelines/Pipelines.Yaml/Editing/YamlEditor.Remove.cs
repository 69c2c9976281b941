using Pipelines.Failures;

namespace Pipelines.Yaml.Editing;

public sealed partial class YamlEditor
{
    /// <summary>
    /// Removes the key at <paramref name="path"/> with its value: its lines, its nested block and the comments
    /// indented inside it; comments above the key stay. A mapping left empty becomes <c>{}</c>. No-op when absent.
    /// </summary>
    public YamlEditor RemoveKey(YamlPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Segments[^1] is not YamlPathSegment.Key)
        {
            throw new UsageException(
                $"RemoveKey needs a path ending in a key, not '{path}'. To remove a list item, remove it from its list."
            );
        }
        var location = Locator(path).Locate();
        if (location is MissingKey { Merged: { } merged })
        {
            throw Document.Error(
                merged.Merge.Key.Start,
                $"'{path}' is not written in this mapping: it comes through the merge key '<<' on this line, from line "
                    + $"{Document.LineNumber(merged.Value.Start)}. Remove it where it is defined, or override it here with another value."
            );
        }
        if (location is not FoundNode { Parent: MappingNode mapping, Index: var index })
        {
            return this;
        }
        var entries = mapping.Entries.Select(e => (e.Key.Start, e.Value.ContentEnd)).ToList();
        return Commit(
            $"removing '{path}'",
            RemoveChild(mapping, mapping.IsFlow, entries, index, "{}"),
            root => PlainData.Update(root, location.Steps, _ => null),
            after => after.Locator(path).Locate() is FoundNode ? $"still has '{path}'" : null
        );
    }

    /// <summary>
    /// Removes every item of the list at <paramref name="sequence"/> whose text is <paramref name="scalar"/>, with its
    /// line(s). A list left empty becomes <c>[]</c>. No-op when the list or the item is absent.
    /// </summary>
    public YamlEditor RemoveFromSequence(YamlPath sequence, string scalar)
    {
        CheckValue(scalar);
        var editor = this;
        while (editor.RemoveLastOccurrence(sequence, scalar) is { } next)
        {
            editor = next;
        }
        return editor;
    }

    private YamlEditor? RemoveLastOccurrence(YamlPath path, string scalar)
    {
        var locator = Locator(path);
        var location = locator.Locate();
        var list = location switch
        {
            FoundNode { Node: SequenceNode found } => found,
            FoundNode { Node: AliasNode alias } => throw locator.AliasTarget(alias),
            FoundNode { Node: ScalarNode { IsEmpty: true } } or MissingKey or MissingItem => null,
            FoundNode found => throw Document.Error(
                found.Node.Start,
                $"'{path}' is {found.Node.Describe()}, not a list."
            ),
            _ => throw new InvalidOperationException(location.GetType().Name),
        };
        var index =
            list?.Items.ToList()
                .FindLastIndex(i =>
                    MappingLookup.Resolve(i.Value) is ScalarNode s && s.Value == scalar
                )
            ?? -1;
        if (index < 0)
        {
            return null;
        }
        var items = list!
            .Items.Select(i => (list.IsFlow ? i.Value.Start : i.Dash, i.Value.ContentEnd))
            .ToList();
        var count = list.Items.Count(i =>
            MappingLookup.Resolve(i.Value) is ScalarNode s && s.Value == scalar
        );
        return Commit(
            $"removing '{scalar}' from '{path}'",
            RemoveChild(list, list.IsFlow, items, index, "[]"),
            root =>
                PlainData.Update(
                    root,
                    location.Steps,
                    old => ((List<object>)old!).Where((_, i) => i != index).ToList()
                ),
            after =>
                after.Locator(path).Read() is SequenceNode left
                && Occurrences(left, scalar) != count - 1
                    ? $"does not remove exactly one '{scalar}'"
                    : null
        );
    }

    private static int Occurrences(SequenceNode list, string scalar) =>
        list.Items.Count(i => MappingLookup.Resolve(i.Value) is ScalarNode s && s.Value == scalar);
}
