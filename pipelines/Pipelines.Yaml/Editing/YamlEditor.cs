namespace Pipelines.Yaml.Editing;

/// <summary>
/// Edits a hand-written YAML file the way a careful person would: only the characters of the values that change
/// are rewritten, so comments, key order, quoting, anchors, flow or block style, blank lines and CRLF line endings
/// all stay. Immutable: every edit returns a new editor over the new <see cref="Text"/>, after checking that the
/// new text parses and differs from the old in exactly the intended value.
/// </summary>
/// <remarks>
/// Values are read as their text (no type resolution), following aliases and merge keys as YAML readers do.
/// Edits never write through an alias (that would change every use of the anchor) and add a key that exists only
/// through a merge to the mapping itself, which is how YAML overrides a merged key.
/// </remarks>
public sealed partial class YamlEditor
{
    // A byte order mark is not YAML (YamlDotNet would read it into the first key); it is set aside and kept.
    private const char ByteOrderMark = '\uFEFF';
    private readonly string _byteOrderMark;

    private YamlEditor(YamlDocument document, string byteOrderMark)
    {
        Document = document;
        _byteOrderMark = byteOrderMark;
    }

    internal YamlDocument Document { get; }

    /// <summary>The file's text, including every edit made so far.</summary>
    public string Text => _byteOrderMark + Document.Text;

    /// <summary>The text the document's positions count in (without a byte order mark).</summary>
    private string Source => Document.Text;

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names the file in error messages only.</summary>
    public static YamlEditor Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var hasMark = text.Length > 0 && text[0] == ByteOrderMark;
        return new YamlEditor(
            YamlDocumentReader.Read(hasMark ? text[1..] : text, file),
            hasMark ? ByteOrderMark.ToString() : ""
        );
    }

    /// <summary>
    /// The text of the scalar at <paramref name="path"/> as written, without type resolution (<c>~</c> reads as
    /// "~", an empty <c>key:</c> as ""); null when the path is absent. A mapping or list there is an error.
    /// </summary>
    public string? GetScalar(YamlPath path) =>
        Locator(path).Read() switch
        {
            null => null,
            ScalarNode scalar => scalar.Value,
            var other => throw Document.Error(
                other.Start,
                $"'{path}' is {other.Describe()}, not a single value. Name one of its keys or items in the path."
            ),
        };

    /// <summary>The items of the list of scalars at <paramref name="path"/>; empty when it is absent or empty.</summary>
    public IReadOnlyList<string> GetScalarSequence(YamlPath path) =>
        Locator(path).Read() switch
        {
            null or ScalarNode { IsEmpty: true } => [],
            SequenceNode sequence => sequence.Items.Select(i => ItemText(path, i)).ToList(),
            var other => throw Document.Error(
                other.Start,
                $"'{path}' is {other.Describe()}, not a list."
            ),
        };

    /// <summary>
    /// Whether a reader would find a value at <paramref name="path"/> (an empty <c>key:</c> counts). A path running
    /// through a scalar or a list where it needs a mapping does not exist.
    /// </summary>
    public bool Exists(YamlPath path) => Locator(path).Read(lenient: true) is not null;

    private string ItemText(YamlPath path, SequenceItem item) =>
        MappingLookup.Resolve(item.Value) as ScalarNode is { } scalar
            ? scalar.Value
            : throw Document.Error(
                item.Value.Start,
                $"'{path}' is expected to be a list of single values, but this item is {item.Value.Describe()}."
            );

    private YamlNodeLocator Locator(YamlPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new YamlNodeLocator(Document, path);
    }

    private YamlEditor Commit(
        string description,
        IEnumerable<TextEdit> edits,
        Func<object?, object?> change,
        Func<YamlEditor, string?> readBack
    ) =>
        EditCheck.Run(
            Document,
            _byteOrderMark + TextEdit.Apply(Source, edits),
            description,
            change,
            readBack
        );
}
