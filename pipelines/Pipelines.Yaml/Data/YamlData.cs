using System.Globalization;
using Pipelines.Failures;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Pipelines.Yaml.Data;

/// <summary>
/// YAML as plain data, the way helm and helmfile see it: mappings become ordered
/// <see cref="Dictionary{TKey,TValue}"/> of string to object, sequences <see cref="List{T}"/>, plain scalars are
/// resolved to null, bool, long or double, quoted scalars stay strings.
/// </summary>
public static class YamlData
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new GoYamlScalars(next))
        .DisableAliases()
        .Build();

    /// <summary>Parses every document of <paramref name="text"/>; errors name <paramref name="file"/>, line and column.</summary>
    public static IReadOnlyList<object?> ParseDocuments(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw YamlProblem.At(
                file,
                exception.Start,
                $"invalid YAML: {Innermost(exception).Message}"
            );
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner gives up on some malformed input without a position.
            throw new SourceLocatedException($"{file}: invalid YAML ({exception.Message}).", file);
        }
        return stream.Documents.Select(d => Convert(d.RootNode, file)).ToList();
    }

    /// <summary>Parses one document expected to be a mapping (a values file); empty text is an empty mapping.</summary>
    public static Dictionary<string, object?> ParseMapping(string text, string file)
    {
        var documents = ParseDocuments(text, file);
        return documents.FirstOrDefault() switch
        {
            null => [],
            Dictionary<string, object?> map => map,
            var other => throw new SourceLocatedException(
                $"{file}: expected a mapping of keys to values at the top, found {Describe(other)}.",
                file,
                1
            ),
        };
    }

    /// <summary>Block YAML with map keys sorted, as Go's toYaml writes it; strings quoted where needed.</summary>
    public static string ToYaml(object? value)
    {
        if (value is null)
        {
            return "null\n";
        }
        return Serializer.Serialize(Sorted(value));
    }

    public static string Describe(object? value) =>
        value switch
        {
            null => "null",
            Dictionary<string, object?> => "a mapping",
            List<object?> => "a list",
            string => "a string",
            _ => $"a {value.GetType().Name.ToLowerInvariant()}",
        };

    /// <summary>Where a key of a parsed mapping stood in its file (1-based line and column), for error messages.</summary>
    public static (int Line, int Column)? PositionOf(Dictionary<string, object?> map, string key) =>
        Positions.TryGetValue(map, out var keys) && keys.TryGetValue(key, out var position)
            ? position
            : null;

    // Keyed by object identity: data stays plain dictionaries, and positions vanish with them.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
        Dictionary<string, object?>,
        Dictionary<string, (int, int)>
    > Positions = new();

    private static object? Convert(YamlNode node, string file) =>
        node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping, file),
            YamlSequenceNode sequence => sequence.Children.Select(c => Convert(c, file)).ToList(),
            YamlScalarNode scalar => Scalar(scalar),
            _ => null,
        };

    private static Dictionary<string, object?> ConvertMapping(YamlMappingNode mapping, string file)
    {
        var map = new Dictionary<string, object?>();
        var positions = new Dictionary<string, (int, int)>();
        YamlNode? merged = null;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (MergeKeys.IsMergeKey(keyNode))
            {
                merged = valueNode;
                continue;
            }
            if (keyNode is not YamlScalarNode { Value: var key })
            {
                throw YamlProblem.At(
                    file,
                    keyNode.Start,
                    "only scalar keys are supported in mappings."
                );
            }
            map[key ?? ""] = Convert(valueNode, file);
            positions[key ?? ""] = ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
        }
        if (merged is not null)
        {
            // After the mapping's own keys, as go-yaml v3 does: those win over merged ones wherever they stand.
            foreach (var source in MergeKeys.Sources(merged, file))
            {
                var from = ConvertMapping(source, file);
                foreach (var (key, value) in from)
                {
                    if (map.TryAdd(key, value) && PositionOf(from, key) is { } position)
                    {
                        positions[key] = position;
                    }
                }
            }
        }
        Positions.AddOrUpdate(map, positions);
        return map;
    }

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return text;
        }
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when long.TryParse(
                    text,
                    NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture,
                    out var whole
                ) => whole,
            _ when double.TryParse(
                    text,
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var real
                )
                    && text.Any(char.IsDigit)
                    && !text.Contains('_') => real,
            _ => text,
        };
    }

    private static object? Sorted(object? value) =>
        value switch
        {
            Dictionary<string, object?> map => new SortedDictionary<string, object?>(
                map.ToDictionary(p => p.Key, p => Sorted(p.Value)),
                StringComparer.Ordinal
            ),
            List<object?> list => list.Select(Sorted).ToList(),
            _ => value,
        };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is YamlException inner ? Innermost(inner) : exception;
}
