using Pipelines.Helmfile.State;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches;

/// <summary>
/// A release's <c>jsonPatches</c>, <c>strategicMergePatches</c> and <c>transformers</c> as declared: each entry an
/// inline mapping, or the path of a file relative to the state file (a <c>.gotmpl</c> file is rendered per
/// release first), as helmfile hands them to chartify.
/// </summary>
internal sealed record PatchEntries(
    IReadOnlyList<object?> Json,
    IReadOnlyList<object?> StrategicMerge,
    IReadOnlyList<object?> Transformers
)
{
    public static readonly PatchEntries None = new([], [], []);

    /// <summary>The release fields this record reads.</summary>
    public static readonly string[] Fields =
    [
        "jsonPatches",
        "strategicMergePatches",
        "transformers",
    ];

    public bool IsEmpty => Json.Count == 0 && StrategicMerge.Count == 0 && Transformers.Count == 0;

    public static PatchEntries Read(MapReader reader) =>
        new(
            Entries(reader, "jsonPatches"),
            Entries(reader, "strategicMergePatches"),
            Entries(reader, "transformers")
        );

    private static List<object?> Entries(MapReader reader, string field)
    {
        var entries = reader.List(field);
        foreach (var entry in entries.Where(e => e is not (string or Dictionary<string, object?>)))
        {
            throw reader.Error(
                field,
                $"'{field}' entries are inline mappings or paths of files, not {YamlData.Describe(entry)}."
            );
        }
        return entries;
    }
}
