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

    // helmfile's remote.IsRemote: go-getter forms such as git::https://...@path?ref=v1, s3::, or a URL.
    private static bool IsRemote(string path) =>
        path.Contains("::", StringComparison.Ordinal)
        || Uri.TryCreate(path, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "s3" or "gs";

    private static SubHelmfileSpec Parse(
        object? entry,
        int index,
        string file,
        (int, int)? listPosition
    )
    {
        if (entry is string path)
        {
            entry = new Dictionary<string, object?> { ["path"] = path };
        }
        var reader = new MapReader(
            entry,
            file,
            $"helmfiles[{index}]",
            ["path", "values", "selectors", "selectorsInherited"],
            []
        );
        var position = YamlData.PositionOf(reader.Map, "path") ?? listPosition;
        if (IsRemote(reader.String("path") ?? ""))
        {
            throw Yaml.YamlProblem.At(
                file,
                position,
                $"helmfiles[{index}]: '{reader.String("path")}' is a remote state (a go-getter URL); RenderHelmfile "
                    + "reads only files of this repository, so that a render depends on nothing outside it. Vendor the "
                    + "state file into the repository and name its path."
            );
        }
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
