using System.Text;
using Pipelines.Failures;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// Where a value sits in a YAML document: keys separated by dots, <c>[n]</c> for the n-th list item (from 0), and
/// <c>[field=value]</c> for the mapping item of a list whose <c>field</c> equals <c>value</c>, as in
/// <c>environments.stage.clusters[name=stage-1-33-green].state</c>. A key holding dots, brackets, quotes or
/// surrounding spaces is written quoted in brackets: <c>annotations["example.com/owner"]</c>; quoted text may
/// escape <c>\"</c> and <c>\\</c>, and a field or value of a match may be quoted the same way.
/// </summary>
public sealed class YamlPath : IEquatable<YamlPath>
{
    private const string Syntax =
        "Write keys separated by dots (image.tag), [n] for the n-th list item from 0, [field=value] for the list item "
        + "whose field equals value, and [\"a.b\"] for a key holding dots or brackets.";

    private YamlPath(IReadOnlyList<YamlPathSegment> segments) => Segments = segments;

    public IReadOnlyList<YamlPathSegment> Segments { get; }

    internal static YamlPath Root { get; } = new([]);

    /// <summary>Reads a path; a malformed one is a <see cref="Failures.UsageException"/> naming the position and the syntax.</summary>
    public static YamlPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new YamlPath(new YamlPathReader(path, Syntax).ReadAll());
    }

    internal YamlPath Append(YamlPathSegment segment) => new([.. Segments, segment]);

    internal YamlPath Take(int count) => new(Segments.Take(count).ToList());

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            var part = segment.ToString();
            if (text.Length > 0 && !part.StartsWith('['))
            {
                text.Append('.');
            }
            text.Append(part);
        }
        return text.ToString();
    }

    public bool Equals(YamlPath? other) =>
        other is not null && Segments.SequenceEqual(other.Segments);

    public override bool Equals(object? obj) => Equals(obj as YamlPath);

    public override int GetHashCode() =>
        Segments.Aggregate(0, (hash, segment) => HashCode.Combine(hash, segment));

    internal static bool NeedsQuotes(string text) =>
        text.Length == 0 || text.Trim() != text || text.IndexOfAny(['.', '[', ']', '"', '\'']) >= 0;

    internal static string Quote(string text) =>
        "\""
        + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
        + "\"";
}
