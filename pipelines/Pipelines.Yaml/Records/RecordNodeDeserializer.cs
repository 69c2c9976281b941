using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Pipelines.Yaml.Records;

/// <summary>
/// The node deserializer <see cref="RecordReader"/> puts on top of YamlDotNet's: every type a record may hold
/// (records, lists, name-keyed mappings, scalars) is read here, so every problem has a path and a position.
/// A plain null is null where the type allows it; a value type that is not nullable says what it needs instead.
/// </summary>
internal sealed class RecordNodeDeserializer(RecordReading reading) : INodeDeserializer
{
    private readonly ScalarNodes _scalars = new(reading);
    private readonly CollectionNodes _collections = new(reading);
    private readonly RecordNodes _records = new(reading);

    public bool Deserialize(
        IParser reader,
        Type expectedType,
        Func<IParser, Type, object?> nestedObjectDeserializer,
        out object? value,
        ObjectDeserializer rootDeserializer
    )
    {
        value = null;
        var type = Nullable.GetUnderlyingType(expectedType) ?? expectedType;
        var scalar = ScalarNodes.IsScalar(type);
        var collection = FieldTypes.ElementOf(type) ?? FieldTypes.ValueOf(type);
        if (!scalar && collection is null && !FieldTypes.IsRecord(type))
        {
            return false;
        }
        if (reader.Current is Scalar nothing && FieldTypes.IsNull(nothing))
        {
            if (expectedType.IsValueType && expectedType == type)
            {
                throw reading.WrongType(expectedType, nothing);
            }
            reader.MoveNext();
            return true;
        }
        value =
            scalar ? _scalars.Read(reader, expectedType)
            : collection is not null ? _collections.Read(reader, type, nestedObjectDeserializer)
            : _records.Read(reader, type, nestedObjectDeserializer);
        return true;
    }
}
