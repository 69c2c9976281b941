using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

public sealed partial class YamlEditor
{
    /// <summary>
    /// Appends <paramref name="scalar"/> as the last item of the list at <paramref name="sequence"/>, on a new line
    /// like its siblings (or inside <c>[...]</c>). A missing list is created as a block list under a new key; items
    /// already there are not checked, so appending twice adds twice.
    /// </summary>
    public YamlEditor AppendToSequence(YamlPath sequence, string scalar)
    {
        CheckValue(scalar);
        return Append(
            sequence,
            list => new NewScalar(scalar, ItemStyle(list)),
            $"appending '{scalar}' to '{sequence}'",
            after =>
                after.Locator(sequence).Read() is SequenceNode { Items: [.., var last] }
                && MappingLookup.Resolve(last.Value) is ScalarNode { Value: var text }
                && text == scalar
                    ? null
                    : $"does not end '{sequence}' with '{scalar}'"
        );
    }

    private YamlEditor Append(
        YamlPath path,
        Func<SequenceNode?, NewValue> item,
        string description,
        Func<YamlEditor, string?> readBack
    )
    {
        var locator = Locator(path);
        var location = locator.Locate();
        var newItem = item((location as FoundNode)?.Node as SequenceNode);
        var edit = location switch
        {
            FoundNode { Node: SequenceNode { IsFlow: true } list } => InsertIntoFlow(
                list.Items.Select(i => i.Value).ToList(),
                list.Close,
                newItem
            ),
            FoundNode { Node: SequenceNode list } => AppendBlockItem(list, newItem),
            FoundNode { Node: ScalarNode { IsEmpty: true } empty } => InsertIntoEmpty(
                empty,
                new NewList([newItem])
            ),
            FoundNode { Node: AliasNode alias } => throw locator.AliasTarget(alias),
            FoundNode found => throw Document.Error(
                found.Node.Start,
                $"'{path}' is {found.Node.Describe()}, not a list, so nothing can be appended to it."
            ),
            MissingKey missing => InsertMissing(path, missing, new NewList([newItem])),
            MissingItem missing => throw locator.MissingItemError(missing),
            _ => throw new InvalidOperationException(location.GetType().Name),
        };
        var data = PlainData.From(newItem);
        return Commit(
            description,
            [edit],
            root =>
                PlainData.Update(
                    root,
                    AllSteps(path, location),
                    old => old is List<object> list ? [.. list, data] : new List<object> { data }
                ),
            readBack
        );
    }

    private TextEdit AppendBlockItem(SequenceNode list, NewValue item)
    {
        var last = list.Items[^1];
        var dashColumn = Document.Layout.Column(last.Dash);
        var writer =
            last.Value is MappingNode { IsFlow: false } sibling
            && Document.Layout.LineOf(sibling.Start) == Document.Layout.LineOf(last.Dash)
                ? new NewContentWriter(
                    Document.Style.IndentWidth,
                    NestedListOffset(sibling),
                    Document.Layout.Column(sibling.Entries[0].Key.Start) - dashColumn
                )
                : Writer();
        var at = Placement.AfterBlock(Document.Layout, list.ContentEnd, dashColumn);
        return Placement.Lines(Document, at, writer.Item(item, dashColumn));
    }

    /// <summary>Where a sibling item puts the '-' of its nested lists, relative to their key.</summary>
    private int NestedListOffset(MappingNode sibling) =>
        sibling
            .Entries.Where(e =>
                e.Value is SequenceNode { IsFlow: false }
                && Document.Layout.LineOf(e.Value.Start) != Document.Layout.LineOf(e.Key.Start)
            )
            .Select(e =>
                Document.Layout.Column(((SequenceNode)e.Value).Items[0].Dash)
                - Document.Layout.Column(e.Key.Start)
            )
            .Cast<int?>()
            .FirstOrDefault()
        ?? Document.Style.SequenceOffset;

    private static ScalarStyle ItemStyle(SequenceNode? list) =>
        QuotedOrPlain(
            list?.Items.Select(i => i.Value)
                .OfType<ScalarNode>()
                .LastOrDefault(s => !s.IsEmpty && !s.IsBlock)
                ?.Style
                ?? ScalarStyle.Plain
        );
}
