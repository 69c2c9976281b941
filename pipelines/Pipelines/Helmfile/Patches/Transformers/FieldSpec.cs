using Pipelines.Helmfile.Manifests;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches.Transformers;

/// <summary>
/// kustomize's <c>fieldSpecs</c> entry: which objects (<c>group</c>, <c>version</c>, <c>kind</c>; left out = any) and
/// which field (<c>path</c>, steps separated by <c>/</c>; a step that meets a list, or ends in <c>[]</c>, goes into
/// every item), and whether to <c>create</c> the field when it is missing.
/// </summary>
internal sealed record FieldSpec(
    string? Group,
    string? Version,
    string? Kind,
    IReadOnlyList<string> Path,
    bool Create
)
{
    private static readonly string[] Known = ["group", "version", "kind", "path", "create"];

    /// <exception cref="PatchFailure">Not a list of mappings with a path.</exception>
    public static IReadOnlyList<FieldSpec> ParseAll(object? value, string where)
    {
        if (value is null)
        {
            return [];
        }
        if (value is not List<object?> list)
        {
            throw new PatchFailure(
                $"{where}: 'fieldSpecs' must be a list, not {YamlData.Describe(value)}."
            );
        }
        return list.Select(entry => Parse(entry, where)).ToList();
    }

    private static FieldSpec Parse(object? entry, string where)
    {
        if (
            entry is not Dictionary<string, object?> map
            || map.GetValueOrDefault("path") is not string { Length: > 0 } path
        )
        {
            throw new PatchFailure(
                $"{where}: a fieldSpecs entry is a mapping with a path, e.g. {{path: metadata/labels, create: true}}."
            );
        }
        if (map.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            throw new PatchFailure(
                $"{where}: fieldSpecs entry has an unknown field '{unknown}'; it takes {string.Join(", ", Known)}."
            );
        }
        return new FieldSpec(
            map.GetValueOrDefault("group") as string,
            map.GetValueOrDefault("version") as string,
            map.GetValueOrDefault("kind") as string,
            path.Split('/', StringSplitOptions.RemoveEmptyEntries),
            map.GetValueOrDefault("create") is true
        );
    }

    public bool Selects(ManifestObject manifest)
    {
        var (group, version) = ObjectIdentity.GroupVersion(manifest.ApiVersion);
        return (string.IsNullOrEmpty(Group) || Group == group)
            && (string.IsNullOrEmpty(Version) || Version == version)
            && (string.IsNullOrEmpty(Kind) || Kind == manifest.Kind);
    }

    /// <summary>
    /// Calls <paramref name="set"/> with each map holding the field and the field's name, creating maps on the way
    /// when <see cref="Create"/> (the field itself is the caller's to create).
    /// </summary>
    public void Visit(
        Dictionary<string, object?> data,
        Action<Dictionary<string, object?>, string> set
    ) => Visit(data, 0, set);

    private void Visit(object? node, int step, Action<Dictionary<string, object?>, string> set)
    {
        if (node is List<object?> items)
        {
            items.ForEach(item => Visit(item, step, set));
            return;
        }
        if (node is not Dictionary<string, object?> map)
        {
            return;
        }
        var field = Path[step].EndsWith("[]", StringComparison.Ordinal)
            ? Path[step][..^2]
            : Path[step];
        if (step == Path.Count - 1)
        {
            if (map.ContainsKey(field) || Create)
            {
                set(map, field);
            }
            return;
        }
        if (!map.TryGetValue(field, out var next) || next is null)
        {
            if (!Create)
            {
                return;
            }
            next = map[field] = new Dictionary<string, object?>();
        }
        Visit(next, step + 1, set);
    }
}
