using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipelines.Yaml.Data;

/// <summary>
/// YAML merge keys as go-yaml v3 (helmfile's reader) honours them: <c>&lt;&lt;: *anchor</c> or
/// <c>&lt;&lt;: [*a, *b]</c> copies the keys of the named mappings into the mapping holding it. The mapping's own keys
/// win wherever they stand, and among several merged mappings the first that has a key wins; the merge is shallow.
/// </summary>
internal static class MergeKeys
{
    private const string MergeTag = "tag:yaml.org,2002:merge";

    /// <summary>A plain <c>&lt;&lt;</c> or one tagged <c>!!merge</c>; a quoted <c>"&lt;&lt;"</c> is an ordinary key.</summary>
    public static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: "<<" } scalar
        && (
            scalar.Tag.IsEmpty && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
            || !scalar.Tag.IsEmpty && scalar.Tag.Value == MergeTag
        );

    /// <summary>The mappings a merge key names, in order.</summary>
    public static IEnumerable<YamlMappingNode> Sources(YamlNode value, string file) =>
        value switch
        {
            YamlMappingNode mapping => [mapping],
            YamlSequenceNode sequence => sequence.Children.Select(item =>
                item as YamlMappingNode ?? throw NotAMapping(item, file)
            ),
            _ => throw NotAMapping(value, file),
        };

    private static Exception NotAMapping(YamlNode node, string file) =>
        YamlProblem.At(
            file,
            node.Start,
            "a merge key (<<) takes a mapping or a list of mappings, e.g. <<: *defaults or <<: [*a, *b]; "
                + "point it at an anchored mapping."
        );
}
