namespace Pipelines.Yaml.Editing;

/// <summary>
/// How a file indents, learned from its own block collections so new lines look like their neighbours:
/// the step between a key and its nested keys, where a list's '-' stands under its key, and where a list item's
/// keys stand after its '-'. An empty file gets two spaces, '-' indented under its key.
/// </summary>
internal sealed record FileStyle(int IndentWidth, int SequenceOffset, int ItemKeyOffset)
{
    public static FileStyle Detect(TextLayout layout, YamlNode? root)
    {
        var widths = new List<int>();
        var sequenceOffsets = new List<int>();
        var itemKeyOffsets = new List<int>();
        Visit(root);
        var width = MostCommon(widths, 2);
        return new FileStyle(
            width,
            MostCommon(sequenceOffsets, width),
            MostCommon(itemKeyOffsets, 2)
        );

        void Visit(YamlNode? node)
        {
            switch (node)
            {
                case MappingNode { IsFlow: false } mapping:
                    var keyColumn = layout.Column(mapping.Entries[0].Key.Start);
                    foreach (var entry in mapping.Entries)
                    {
                        Observe(entry, keyColumn);
                        Visit(entry.Value);
                    }
                    break;
                case MappingNode mapping:
                    mapping.Entries.ToList().ForEach(e => Visit(e.Value));
                    break;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (
                            item is { Dash: >= 0, Value: MappingNode { IsFlow: false } itemMapping }
                            && layout.LineOf(item.Dash) == layout.LineOf(itemMapping.Start)
                        )
                        {
                            itemKeyOffsets.Add(
                                layout.Column(itemMapping.Entries[0].Key.Start)
                                    - layout.Column(item.Dash)
                            );
                        }
                        Visit(item.Value);
                    }
                    break;
            }
        }

        void Observe(MappingEntry entry, int keyColumn)
        {
            if (layout.LineOf(entry.Value.Start) == layout.LineOf(entry.Key.Start))
            {
                return;
            }
            switch (entry.Value)
            {
                case MappingNode { IsFlow: false } child:
                    widths.Add(layout.Column(child.Entries[0].Key.Start) - keyColumn);
                    break;
                case SequenceNode { IsFlow: false } child:
                    sequenceOffsets.Add(layout.Column(child.Items[0].Dash) - keyColumn);
                    break;
            }
        }
    }

    private static int MostCommon(List<int> values, int fallback) =>
        values
            .Where(v => v >= 0)
            .GroupBy(v => v)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => (int?)g.Key)
            .FirstOrDefault()
        ?? fallback;
}
