using YamlDotNet.Core;

namespace Pipelines.ConfigRepo.Yaml;

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

    /// <summary>
    /// Appends a mapping item to the list at <paramref name="sequence"/>, with the same indentation and <c>- </c>
    /// style as its siblings (e.g. a new cluster after the last one). Values are strings or lists of strings (a
    /// nested block list; an empty list is written <c>[]</c>); a value is quoted like the same key's value in the
    /// last sibling. A missing list is created under a new key.
    /// </summary>
    public YamlEditor AppendMapping(
        YamlPath sequence,
        IReadOnlyList<KeyValuePair<string, object>> entries
    )
    {
        ArgumentNullException.ThrowIfNull(entries);
        var duplicate = entries.GroupBy(e => e.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"The key '{duplicate.Key}' is given twice.",
                nameof(entries)
            );
        }
        foreach (var (key, value) in entries)
        {
            CheckValue(key);
            foreach (
                var text in value switch
                {
                    string single => [single],
                    IReadOnlyList<string> list => list,
                    _ => throw new ArgumentException(
                        $"The value of '{key}' must be a string or a list of strings, not {value?.GetType().Name ?? "null"}.",
                        nameof(entries)
                    ),
                }
            )
            {
                CheckValue(text);
            }
        }
        return Append(
            sequence,
            list => NewItem(entries, list),
            $"appending a mapping to '{sequence}'",
            after => MappingReadsBack(after, sequence, entries)
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
        return Placement.Lines(Document.Layout, at, writer.Item(item, dashColumn));
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

    private static NewMapping NewItem(
        IReadOnlyList<KeyValuePair<string, object>> entries,
        SequenceNode? list
    )
    {
        var sibling = list?.Items.Select(i => i.Value).OfType<MappingNode>().LastOrDefault();
        NewValue Value(string key, object value)
        {
            var like = sibling?.Entries.FirstOrDefault(e => e.KeyText == key)?.Value;
            return value is string text
                ? new NewScalar(
                    text,
                    like is ScalarNode s && !s.IsBlock ? QuotedOrPlain(s.Style) : ScalarStyle.Plain
                )
                : new NewList(
                    ((IReadOnlyList<string>)value)
                        .Select(t => (NewValue)new NewScalar(t, ItemStyle(like as SequenceNode)))
                        .ToList()
                );
        }
        return new NewMapping(
            entries
                .Select(e => new KeyValuePair<string, NewValue>(e.Key, Value(e.Key, e.Value)))
                .ToList()
        );
    }

    private static ScalarStyle QuotedOrPlain(ScalarStyle style) =>
        style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? style : ScalarStyle.Plain;

    private static string? MappingReadsBack(
        YamlEditor after,
        YamlPath sequence,
        IReadOnlyList<KeyValuePair<string, object>> entries
    )
    {
        var count = after.Locator(sequence).Read() is SequenceNode list ? list.Items.Count : 0;
        var item = sequence.Append(new YamlPathSegment.Index(count - 1));
        foreach (var (key, value) in entries)
        {
            var at = item.Append(new YamlPathSegment.Key(key));
            var matches = value is string text
                ? after.GetScalar(at) == text
                : after.GetScalarSequence(at).SequenceEqual((IReadOnlyList<string>)value);
            if (!matches)
            {
                return $"does not read '{at}' back as given";
            }
        }
        return null;
    }
}
