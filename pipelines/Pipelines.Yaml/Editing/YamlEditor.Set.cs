using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

public sealed partial class YamlEditor
{
    /// <summary>
    /// Sets the scalar at <paramref name="path"/> to <paramref name="value"/>, keeping its quoting style (a plain
    /// value that would read back as something else, like <c>1234567</c> or <c>true</c>, is double-quoted) and its
    /// anchor. Missing keys and mappings on the way are added at the end of their parent mapping.
    /// </summary>
    public YamlEditor SetScalar(YamlPath path, string value) => Set(path, value, null);

    /// <summary>
    /// Sets the value at <paramref name="path"/> to a YAML boolean (plain <c>true</c> or <c>false</c>), as a value
    /// another tool reads as a boolean must be (helmfile's <c>condition:</c>); otherwise as <see cref="SetScalar"/>.
    /// </summary>
    public YamlEditor SetBoolean(YamlPath path, bool value) =>
        Set(path, value ? "true" : "false", PlainKind.Bool);

    private YamlEditor Set(YamlPath path, string value, PlainKind? kind)
    {
        CheckValue(value);
        var locator = Locator(path);
        var location = locator.Locate();
        var edits = location switch
        {
            FoundNode { Node: AliasNode alias } => throw locator.AliasTarget(alias),
            FoundNode { Node: ScalarNode scalar } when scalar.Value == value && !scalar.IsBlock =>
            [],
            FoundNode { Node: ScalarNode scalar } => ReplaceScalar(scalar, value, kind),
            FoundNode found => throw Document.Error(
                found.Node.Start,
                $"'{path}' is {found.Node.Describe()}, not a single value; setting it would drop what it holds. "
                    + "Set one of its keys or items instead, or remove it first."
            ),
            MissingKey missing =>
            [
                InsertMissing(
                    path,
                    missing,
                    kind is { } plain
                        ? new NewScalar(value, ScalarStyle.Plain, plain)
                        : new NewScalar(value, SiblingStyle(missing.Holder))
                ),
            ],
            MissingItem missing => throw locator.MissingItemError(missing),
            _ => throw new InvalidOperationException(location.GetType().Name),
        };
        if (edits.Count == 0)
        {
            return this;
        }
        var steps = AllSteps(path, location);
        return Commit(
            $"setting '{path}'",
            edits,
            root => PlainData.Update(root, steps, _ => value),
            after =>
                after.GetScalar(path) == value
                    ? null
                    : $"reads '{path}' back as '{after.GetScalar(path)}'"
        );
    }

    private IReadOnlyList<TextEdit> ReplaceScalar(ScalarNode scalar, string value, PlainKind? kind)
    {
        if (scalar.IsBlock)
        {
            return BlockScalarWriter.Replace(Document, scalar, value);
        }
        var inFlow = Placement.InFlow(Document, scalar);
        if (scalar.IsEmpty)
        {
            return
            [
                FillEmpty(
                    scalar,
                    ScalarWriter.Write(value, ScalarStyle.Plain, inFlow, kind ?? PlainKind.Null)
                ),
            ];
        }
        var keepKind =
            kind
            ?? (
                scalar.Style == ScalarStyle.Plain
                    ? PlainScalars.Kind(scalar.Value)
                    : PlainKind.String
            );
        return
        [
            new TextEdit(
                scalar.TokenStart,
                scalar.End,
                ScalarWriter.Write(
                    value,
                    kind is null ? scalar.Style : ScalarStyle.Plain,
                    inFlow,
                    keepKind
                )
            ),
        ];
    }

    /// <summary>New values in a mapping whose values are quoted are quoted the same way.</summary>
    private static ScalarStyle SiblingStyle(YamlNode? holder) =>
        holder is MappingNode mapping
        && mapping
            .Entries.Select(e => e.Value)
            .OfType<ScalarNode>()
            .LastOrDefault(s => !s.IsEmpty && !s.IsBlock)
            is { } sibling
        && sibling.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
            ? sibling.Style
            : ScalarStyle.Plain;

    /// <summary>The concrete route of an edit: the steps taken, then the keys it creates.</summary>
    private static IReadOnlyList<object> AllSteps(YamlPath path, EditLocation location) =>
        location is MissingKey missing
            ?
            [
                .. missing.Steps,
                .. path
                    .Segments.Skip(missing.Depth)
                    .Cast<YamlPathSegment.Key>()
                    .Select(k => k.Name),
            ]
            : location.Steps;

    private static void CheckValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (ScalarWriter.HasLoneSurrogate(value))
        {
            throw new ArgumentException(
                "The value holds a lone UTF-16 surrogate, which no file can store.",
                nameof(value)
            );
        }
    }
}
