using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipelines.Yaml.Records;

/// <summary>
/// Reads the lists and name-keyed mappings of a record, keeping the index or key of each item in the path for
/// messages, refusing duplicate keys and null items (a record's list never holds a hole).
/// </summary>
internal sealed class CollectionNodes(RecordReading reading)
{
    public object Read(
        IParser reader,
        Type expectedType,
        Func<IParser, Type, object?> nestedObjectDeserializer
    )
    {
        var element = FieldTypes.ElementOf(expectedType);
        return element is not null
            ? List(reader, expectedType, element, nestedObjectDeserializer)
            : Map(
                reader,
                expectedType,
                FieldTypes.ValueOf(expectedType)!,
                nestedObjectDeserializer
            );
    }

    private IList List(IParser reader, Type type, Type element, Func<IParser, Type, object?> nested)
    {
        if (!reader.TryConsume<SequenceStart>(out _))
        {
            throw reading.WrongType(type, reader.Current!);
        }
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        while (!reader.TryConsume<SequenceEnd>(out _))
        {
            var segment = $"[{list.Count}]";
            list.Add(Item(reader, segment, reader.Current!.Start, element, nested));
        }
        return list;
    }

    private IDictionary Map(
        IParser reader,
        Type type,
        Type valueType,
        Func<IParser, Type, object?> nested
    )
    {
        if (!reader.TryConsume<MappingStart>(out _))
        {
            throw reading.WrongType(type, reader.Current!);
        }
        // Dictionary keeps insertion order while nothing is removed: the file's order (environments, labels).
        var map = (IDictionary)
            Activator.CreateInstance(
                typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType)
            )!;
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        while (!reader.TryConsume<MappingEnd>(out _))
        {
            var key = KeyNodes.Read(reader, reading, seen);
            map[key.Value] = Item(reader, key.Value, key.Start, valueType, nested);
        }
        return map;
    }

    private object Item(
        IParser reader,
        string segment,
        Mark mark,
        Type type,
        Func<IParser, Type, object?> nested
    ) =>
        reading.Under(
            segment,
            mark,
            () =>
            {
                var start = reader.Current!;
                return nested(reader, type) ?? throw reading.WrongType(type, start);
            }
        )!;
}
