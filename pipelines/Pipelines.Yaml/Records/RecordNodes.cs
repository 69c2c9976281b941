using System.Collections.Concurrent;
using Pipelines.Failures;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipelines.Yaml.Records;

/// <summary>
/// Reads a mapping into a record. YamlDotNet's own object deserializer neither keeps where each key stood nor
/// suggests a field for a misspelt one; this one does both, so checks made after reading (a name against its
/// convention, a deadline before its start) still point at the line, and every field error names the fix.
/// </summary>
internal sealed class RecordNodes(RecordReading reading)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Field>> Fields = new();

    public object Read(
        IParser reader,
        Type expectedType,
        Func<IParser, Type, object?> nestedObjectDeserializer
    )
    {
        if (!reader.TryConsume<MappingStart>(out var start))
        {
            throw reading.WrongType(expectedType, reader.Current!);
        }
        var fields = Fields.GetOrAdd(expectedType, FieldTypes.FieldsOf);
        var record = Activator.CreateInstance(expectedType)!;
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        while (!reader.TryConsume<MappingEnd>(out _))
        {
            var key = KeyNodes.Read(reader, reading, marks);
            var field =
                fields.FirstOrDefault(f => f.Name == key.Value) ?? throw Unknown(key, fields);
            var item = reading.Under(
                key.Value,
                key.Start,
                () => nestedObjectDeserializer(reader, field.Property.PropertyType)
            );
            if (item is null && field.Required)
            {
                throw reading.Problem(
                    $"{Join(key.Value)} must be {FieldTypes.Describe(field.Property.PropertyType)}, not null.",
                    key.Start
                );
            }
            field.Property.SetValue(record, item);
        }
        var missing = fields.FirstOrDefault(f => f.Required && !marks.ContainsKey(f.Name));
        if (missing is not null)
        {
            throw reading.Problem(Missing(reading.Path, missing), start.Start);
        }
        reading.Marks[record] = new RecordMarks(start.Start, marks);
        return record;
    }

    /// <summary>The message for a required field the file does not give.</summary>
    public static string Missing(string path, Field field) =>
        (path.Length == 0 ? "" : $"{path}: ")
        + $"required field '{field.Name}' is missing; add it: {FieldTypes.Describe(field.Property.PropertyType)}.";

    private SourceLocatedException Unknown(Scalar key, IReadOnlyList<Field> fields)
    {
        var names = fields.Select(f => f.Name).ToList();
        var close = Suggestions.Closest(key.Value, names);
        return reading.Problem(
            (reading.Path.Length == 0 ? "" : $"{reading.Path}: ")
                + $"unknown field '{key.Value}'."
                + (close is null ? "" : $" Did you mean '{close}'?")
                + $" Known: {string.Join(", ", names)}.",
            key.Start
        );
    }

    private string Join(string key) => reading.Path.Length == 0 ? key : $"{reading.Path}.{key}";
}

/// <summary>The keys of a mapping: plain names, each given once.</summary>
internal static class KeyNodes
{
    public static Scalar Read(IParser reader, RecordReading reading, Dictionary<string, Mark> seen)
    {
        if (reader.Current is not Scalar key)
        {
            throw reading.Problem(
                $"{reading.Subject}: keys must be names, not a {(reader.Current is SequenceStart ? "list" : "mapping")}.",
                reader.Current!.Start
            );
        }
        reader.MoveNext();
        if (seen.TryGetValue(key.Value, out var first))
        {
            var path = reading.Path.Length == 0 ? key.Value : $"{reading.Path}.{key.Value}";
            throw reading.Problem(
                $"{path} is given twice (first on line {first.Line}); keep one.",
                key.Start
            );
        }
        seen[key.Value] = key.Start;
        return key;
    }
}
