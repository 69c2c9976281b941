using Pipelines.Failures;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Pipelines.Yaml.Records;

/// <summary>
/// Reads the project's own YAML files (clusters.yaml, sync.yaml, eksctl ClusterConfigs) into records with
/// YamlDotNet's deserializer. Every problem is a <see cref="SourceLocatedException"/> reading
/// <c>file:line:col: path: problem and fix</c>: an unknown field (with the closest known one), a value of the wrong
/// type (with the type wanted), a missing required field (C# <c>required</c>), a key given twice, invalid YAML.
/// Fields are named in camelCase, or by <see cref="YamlMemberAttribute.Alias"/>. Files of other tools whose
/// semantics rule (helmfile state, chart values) are read with go-yaml's rules by <c>Data.YamlData</c> instead.
/// </summary>
public static class RecordReader
{
    public static RecordFile<T> Read<T>(string text, string file)
        where T : class
    {
        var reading = new RecordReading(file);
        var deserializer = new DeserializerBuilder()
            .WithNodeDeserializer(new RecordNodeDeserializer(reading), s => s.OnTop())
            .Build();
        T? root;
        try
        {
            root = deserializer.Deserialize<T?>(text);
        }
        catch (YamlException exception) when (Located(exception) is { } located)
        {
            throw located;
        }
        catch (YamlException exception)
        {
            throw YamlProblem.At(
                file,
                exception.Start,
                $"invalid YAML: {Innermost(exception).Message}"
            );
        }
        return new RecordFile<T>(root ?? Empty<T>(file), file, reading.Marks);
    }

    /// <summary>An empty file is a record with nothing given: fine, unless some field is required.</summary>
    private static T Empty<T>(string file)
        where T : class =>
        FieldTypes.FieldsOf(typeof(T)).FirstOrDefault(f => f.Required) is { } required
            ? throw YamlProblem.At(file, Mark.Empty, RecordNodes.Missing("", required))
            : (T)Activator.CreateInstance(typeof(T))!;

    // YamlDotNet wraps what a node deserializer throws; the located problem inside is the answer.
    private static SourceLocatedException? Located(Exception? exception) =>
        exception switch
        {
            null => null,
            SourceLocatedException located => located,
            _ => Located(exception.InnerException),
        };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is YamlException inner ? Innermost(inner) : exception;
}

/// <summary>A file read into records, with where each record and field stood for checks made after reading.</summary>
public sealed class RecordFile<T>(
    T root,
    string file,
    IReadOnlyDictionary<object, RecordMarks> marks
)
{
    public T Root => root;

    public string File => file;

    /// <summary>A problem with one field of a record read from this file, at that field's key.</summary>
    public SourceLocatedException Problem(object record, string field, string message) =>
        YamlProblem.At(file, Where(record, field), message);

    /// <summary>A problem with a whole record, at its first line.</summary>
    public SourceLocatedException Problem(object record, string message) =>
        YamlProblem.At(file, marks.GetValueOrDefault(record)?.Start ?? Mark.Empty, message);

    /// <summary>Where the file gave a record's field; the record's first line when it did not.</summary>
    public Mark Where(object record, string field) =>
        marks.GetValueOrDefault(record) is { } known
            ? known.Fields.GetValueOrDefault(field, known.Start)
            : Mark.Empty;
}
