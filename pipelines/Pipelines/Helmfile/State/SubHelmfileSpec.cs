using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// One entry of <c>helmfiles:</c>, a nested state: a path (or glob) relative to the declaring file, the state values
/// passed down to it, and the selectors its releases are filtered by.
/// </summary>
internal sealed record SubHelmfileSpec(
    string Path,
    IReadOnlyList<string>? Selectors,
    bool SelectorsInherited,
    IReadOnlyList<ValuesEntry> Values,
    string DeclaredIn,
    int Index,
    (int Line, int Column)? Position
)
{
    /// <summary><c>file:line:col</c> (or the file) of the entry, for errors about what it includes.</summary>
    public string Where =>
        Position is { } p
            ? $"{DeclaredIn}:{p.Line}:{p.Column}"
            : $"{DeclaredIn} (helmfiles[{Index}])";

    public static List<SubHelmfileSpec> ParseAll(
        List<object?> entries,
        string file,
        (int, int)? listPosition
    ) => entries.Select((entry, index) => Parse(entry, index, file, listPosition)).ToList();

    private static SubHelmfileSpec Parse(
        object? entry,
        int index,
        string file,
        (int, int)? listPosition
    )
    {
        if (entry is string path)
        {
            return new SubHelmfileSpec(path, null, false, [], file, index, listPosition);
        }
        var reader = new MapReader(
            entry,
            file,
            $"helmfiles[{index}]",
            ["path", "values", "selectors", "selectorsInherited"],
            []
        );
        var position = YamlData.PositionOf(reader.Map, "path") ?? listPosition;
        var selectors = reader.Has("selectors") ? reader.Strings("selectors") : null;
        var inherited = reader.Bool("selectorsInherited") ?? false;
        if (string.IsNullOrEmpty(reader.String("path")))
        {
            throw reader.Error(
                reader.Has("selectors") ? "selectors" : "values",
                $"helmfiles[{index}] has no path; name the nested state file (or a glob such as apps/*.yaml)."
            );
        }
        if (inherited && selectors is { Count: > 0 })
        {
            throw reader.Error(
                "selectorsInherited",
                $"helmfiles[{index}]: selectorsInherited: true cannot be used with explicit selectors (as in helmfile); "
                    + "drop one of them."
            );
        }
        return new SubHelmfileSpec(
            reader.String("path")!,
            selectors,
            inherited,
            StateParser.ValuesEntries(reader.List("values"), file),
            file,
            index,
            position
        );
    }
}
