using Pipelines.Failures;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipelines.Yaml.Records;

/// <summary>
/// The state of one <see cref="RecordReader.Read{T}"/>: the file, the path from the top to the value being read
/// (for messages like <c>environments.stage.nodeGroups[0].minSize</c>), and where every record's fields stood.
/// </summary>
internal sealed class RecordReading(string file)
{
    private readonly List<(string Segment, Mark Mark)> _path = [];

    public string File => file;

    /// <summary>Every record read, by identity (records compare by value), with the marks of its keys.</summary>
    public Dictionary<object, RecordMarks> Marks { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Reads the value under a key or at a list index; errors inside point at <paramref name="mark"/>.</summary>
    public object? Under(string segment, Mark mark, Func<object?> read)
    {
        _path.Add((segment, mark));
        try
        {
            return read();
        }
        finally
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }

    /// <summary>The path of the value being read, e.g. <c>environments.stage.clusters[1].state</c>.</summary>
    public string Path =>
        string.Concat(
            _path.Select(
                (p, i) => i == 0 || p.Segment.StartsWith('[') ? p.Segment : "." + p.Segment
            )
        );

    /// <summary>
    /// A problem with the value being read. It points at the key the value stands under (or the list item), as
    /// editors show a field's problem on the field's line.
    /// </summary>
    public SourceLocatedException Problem(string message, Mark? at = null) =>
        YamlProblem.At(file, at ?? (_path.Count > 0 ? _path[^1].Mark : Mark.Empty), message);

    /// <summary>A value of the wrong kind: what the field needs, and what the file has.</summary>
    public SourceLocatedException WrongType(Type expected, ParsingEvent found) =>
        Problem($"{Subject} must be {FieldTypes.Describe(expected)}, not {Found(found)}.");

    /// <summary>The path, or "the file" at the top, as the subject of a message.</summary>
    public string Subject => _path.Count == 0 ? "the file" : Path;

    private static string Found(ParsingEvent found) =>
        found switch
        {
            Scalar scalar when FieldTypes.IsNull(scalar) => "null",
            Scalar scalar => $"'{scalar.Value}'",
            MappingStart => "a mapping",
            SequenceStart => "a list",
            _ => found.GetType().Name,
        };
}

/// <summary>Where a record stood: its first line, and the key of each field it was given.</summary>
public sealed record RecordMarks(Mark Start, IReadOnlyDictionary<string, Mark> Fields);
