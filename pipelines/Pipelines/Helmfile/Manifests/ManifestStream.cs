using System.Text;
using Pipelines.Failures;

namespace Pipelines.Helmfile.Manifests;

/// <summary>
/// Reads and writes the YAML stream <c>helm template</c> prints: documents separated by <c>---</c>, each
/// preceded by a <c># Source: chart/templates/file.yaml</c> comment.
/// </summary>
internal static partial class ManifestStream
{
    private const string SourceMarker = "# Source:";

    /// <summary>
    /// Splits helm template output into objects, in the order helm printed them. Empty documents (a template
    /// that rendered nothing but comments) are skipped; objects of kind <c>List</c> are replaced by their items.
    /// Documents that are not Kubernetes objects are kept as helm printed them (see
    /// <see cref="ManifestObject.NotAnObject"/>): <c>helmfile template</c> prints whatever helm prints.
    /// </summary>
    /// <param name="helmOutput">The standard output of <c>helm template</c>.</param>
    /// <param name="releaseName">Named in errors.</param>
    /// <param name="defaultNamespace">The release namespace, for namespaced objects that do not set one.</param>
    /// <exception cref="Failures.SourceLocatedException">
    /// A document is not valid YAML.
    /// </exception>
    public static IReadOnlyList<ManifestObject> Parse(
        string helmOutput,
        string releaseName,
        string? defaultNamespace
    )
    {
        var objects = new List<ManifestObject>();
        var context = new ParseContext(
            releaseName,
            string.IsNullOrEmpty(defaultNamespace) ? null : defaultNamespace
        );
        var source = "";
        foreach (var lines in SplitDocuments(helmOutput))
        {
            var (documentSource, yaml) = TakeSource(lines);
            // Helm repeats the comment for every document; without one, the document came from the same template.
            source = documentSource ?? source;
            if (yaml.Length > 0)
            {
                AddDocument(objects, context, source, yaml);
            }
        }
        return objects;
    }

    /// <summary>
    /// One deterministic YAML stream, <c>---\n# Source: path\nyaml\n</c> per object, in the given order;
    /// <see cref="Parse"/> reads it back to the same objects.
    /// </summary>
    public static string Join(IEnumerable<ManifestObject> objects)
    {
        var builder = new StringBuilder();
        foreach (var manifest in objects)
        {
            builder
                .Append("---\n")
                .Append(SourceMarker)
                .Append(' ')
                .Append(manifest.SourceTemplate)
                .Append('\n')
                .Append(manifest.Yaml.TrimEnd('\n'))
                .Append('\n');
        }
        return builder.ToString();
    }

    private static List<List<string>> SplitDocuments(string text)
    {
        var documents = new List<List<string>> { new() };
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimEnd() == "---")
            {
                documents.Add([]);
            }
            else
            {
                documents[^1].Add(line);
            }
        }
        return documents;
    }

    /// <summary>The <c># Source:</c> path if the document starts with one, and the rest without surrounding blank lines.</summary>
    private static (string? Source, string Yaml) TakeSource(List<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }
        string? source = null;
        if (start < end && lines[start].StartsWith(SourceMarker, StringComparison.Ordinal))
        {
            source = lines[start][SourceMarker.Length..].Trim();
            start++;
        }
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }
        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }
        return (source, string.Join('\n', lines.Skip(start).Take(end - start)));
    }
}
