namespace Pipelines.Yaml.Editing;

/// <summary>One parsed YAML document with what edits need: its nodes, its text's lines, and the file's indentation habits.</summary>
internal sealed class YamlDocument(string file, TextLayout layout, YamlNode? root)
{
    public string File { get; } = file;
    public TextLayout Layout { get; } = layout;
    public string Text => Layout.Text;

    /// <summary>The top node; null for an empty file or one holding only comments.</summary>
    public YamlNode? Root { get; } = root;

    public FileStyle Style { get; } = FileStyle.Detect(layout, root);

    /// <summary>An error pointing at <paramref name="offset"/>: "file:line:col: message".</summary>
    public YamlEditException Error(int offset, string message)
    {
        var (line, column) = Layout.Position(Math.Clamp(offset, 0, Text.Length));
        return new YamlEditException($"{File}:{line}:{column}: {message}", File, line, column);
    }

    public int LineNumber(int offset) => Layout.LineOf(offset) + 1;

    /// <summary>The collection holding <paramref name="node"/> as a value, and its entry or item index; null for the root.</summary>
    public (YamlNode Parent, int Index)? ParentOf(YamlNode node) =>
        _parents.Value.TryGetValue(node, out var parent) ? parent : null;

    private readonly Lazy<Dictionary<YamlNode, (YamlNode, int)>> _parents = new(() =>
        Parents(root)
    );

    private static Dictionary<YamlNode, (YamlNode, int)> Parents(YamlNode? root)
    {
        var parents = new Dictionary<YamlNode, (YamlNode, int)>(ReferenceEqualityComparer.Instance);
        Visit(root);
        return parents;

        void Visit(YamlNode? node)
        {
            var children = node switch
            {
                MappingNode mapping => mapping.Entries.Select(e => e.Value),
                SequenceNode sequence => sequence.Items.Select(i => i.Value),
                _ => [],
            };
            var index = 0;
            foreach (var child in children)
            {
                parents[child] = (node!, index++);
                Visit(child);
            }
        }
    }
}
