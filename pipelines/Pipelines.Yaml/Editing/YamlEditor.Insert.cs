namespace Pipelines.Yaml.Editing;

public sealed partial class YamlEditor
{
    /// <summary>
    /// Adds the keys of <paramref name="path"/> from <see cref="MissingKey.Depth"/> on, ending in
    /// <paramref name="leaf"/>: at the end of the parent mapping (after the comments indented like its keys), with the
    /// parent's indentation; inside the braces of a flow mapping; below an empty <c>key:</c>; or at the end of an
    /// empty file.
    /// </summary>
    private TextEdit InsertMissing(YamlPath path, MissingKey missing, NewValue leaf)
    {
        var keys = path.Segments.Skip(missing.Depth).ToList();
        if (keys.FirstOrDefault(s => s is not YamlPathSegment.Key) is { } item)
        {
            var prefix = path.Take(path.Segments.ToList().IndexOf(item));
            throw Document.Error(
                missing.Holder?.Start ?? Source.Length,
                $"cannot create '{path}': '{prefix}' does not exist, and an edit cannot invent the list item {item} in it. "
                    + "Add the item first (append a mapping to the list), then set its keys."
            );
        }
        var value = leaf;
        for (var i = keys.Count - 1; i > 0; i--)
        {
            value = NewMapping.Of(((YamlPathSegment.Key)keys[i]).Name, value);
        }
        var entry = NewMapping.Of(((YamlPathSegment.Key)keys[0]).Name, value);
        return missing.Holder switch
        {
            MappingNode { IsFlow: true } flow => InsertIntoFlow(
                flow.Entries.Select(e => e.Value).ToList(),
                flow.Close,
                entry.Entries[0]
            ),
            MappingNode block => InsertIntoBlockMapping(block, entry),
            _ => InsertIntoEmpty(missing.Holder, entry),
        };
    }

    private TextEdit InsertIntoBlockMapping(MappingNode mapping, NewMapping entry)
    {
        var keyColumn = Document.Layout.Column(mapping.Entries[0].Key.Start);
        var at = Placement.AfterBlock(Document.Layout, mapping.ContentEnd, keyColumn);
        return Placement.Lines(Document, at, Writer().Children(entry, keyColumn));
    }

    /// <summary>
    /// Fills an empty value (<c>key:</c>, <c>-</c>, an empty document) with a mapping or a list: below the key,
    /// indented one step more; inline in flow style after a list's '-' or inside a flow collection.
    /// </summary>
    private TextEdit InsertIntoEmpty(YamlNode? holder, NewValue value)
    {
        var layout = Document.Layout;
        var parent = holder is null ? null : Document.ParentOf(holder);
        switch (parent)
        {
            case null:
                return Placement.Lines(Document, Source.Length, Writer().Children(value, 0));
            case (MappingNode { IsFlow: false } mapping, var index):
                var keyColumn = layout.Column(mapping.Entries[index].Key.Start);
                var at = Placement.AfterBlock(layout, holder!.ContentEnd, keyColumn + 1);
                return Placement.Lines(
                    Document,
                    at,
                    Writer().Children(value, Writer().ChildColumn(value, keyColumn))
                );
            default:
                return FillEmpty((ScalarNode)holder!, NewContentWriter.Flow(value));
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> where an empty value stands: after <c>key:</c> or <c>-</c>, or as
    /// <c>: text</c> after a flow mapping key written without a colon (<c>{a, b}</c>).
    /// </summary>
    private TextEdit FillEmpty(ScalarNode empty, string text)
    {
        if (
            Document.ParentOf(empty) is (MappingNode mapping, var index)
            && mapping.Entries[index].Colon < 0
        )
        {
            return TextEdit.Insert(mapping.Entries[index].Key.ContentEnd, ": " + text);
        }
        var space = empty.End > 0 && Source[empty.End - 1] == ' ' ? "" : " ";
        return TextEdit.Insert(empty.End, space + text);
    }

    /// <summary>Adds an entry or item to a flow collection: after the last one (keeping a trailing comma), or alone in an empty one.</summary>
    private TextEdit InsertIntoFlow(IReadOnlyList<YamlNode> children, int close, object entry)
    {
        var text = entry switch
        {
            KeyValuePair<string, NewValue> pair => ScalarWriter.Key(pair.Key, inFlow: true)
                + ": "
                + NewContentWriter.Flow(pair.Value),
            NewValue item => NewContentWriter.Flow(item),
            _ => throw new InvalidOperationException(entry.GetType().Name),
        };
        if (children.Count == 0)
        {
            return TextEdit.Insert(close, text);
        }
        if (
            entry is KeyValuePair<string, NewValue>
            && children[^1] is ScalarNode { Anchor: not null } anchored
        )
        {
            // YamlDotNet, which re-reads every edit, cannot read {a: &x 1, b: 2}: refuse rather than reorder keys.
            throw Document.Error(
                anchored.Start,
                $"cannot add a key after the anchored value '{anchored.Path}' in this flow mapping: YamlDotNet cannot "
                    + "read an anchored value followed by more keys in braces. Write the mapping in block style first."
            );
        }
        var after = children[^1].ContentEnd;
        var next = after;
        while (next < close && char.IsWhiteSpace(Source[next]))
        {
            next++;
        }
        return Source[next] == ','
            ? TextEdit.Insert(next + 1, " " + text + ",")
            : TextEdit.Insert(after, ", " + text);
    }

    private NewContentWriter Writer() => new(Document.Style);
}
