using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// helmfile's release templates: <c>inherit: [{template: name, except: [values]}]</c> merges the named
/// <c>templates:</c> entries into the release the way helmfile does (mergo without override, slices appended): the
/// templates come first, in order, then the release. Lists (values, set, needs, ...) are concatenated, template items
/// first; labels are united; for any other field the first that sets it wins, so a template's namespace beats the
/// release's own (a warning says so). A template may inherit others; a cycle is an error.
/// </summary>
internal static class ReleaseInheritance
{
    private static readonly string[] Excludable =
    [
        "labels",
        "values",
        "valuesTemplate",
        "setTemplate",
        "set",
        "setString",
        "secrets",
    ];

    /// <summary>The release with its templates merged in; a release without <c>inherit</c> is returned as it is.</summary>
    public static object? Apply(
        object? release,
        int index,
        IReadOnlyDictionary<string, Dictionary<string, object?>> templates,
        string file
    )
    {
        if (release is not Dictionary<string, object?> map || !map.ContainsKey("inherit"))
        {
            return release;
        }
        var name = map.GetValueOrDefault("name") as string ?? $"#{index + 1}";
        var inherited = Inherited(map, templates, file, $"release '{name}'", []);
        map.Remove("inherit");
        foreach (var (key, value) in inherited)
        {
            var own = map.GetValueOrDefault(key);
            if (IsEmpty(own))
            {
                map[key] = value;
            }
            else if (value is List<object?> first && own is List<object?> then)
            {
                map[key] = first.Concat(then).ToList();
            }
            else if (
                value is Dictionary<string, object?> earlier
                && own is Dictionary<string, object?> later
            )
            {
                foreach (var (label, text) in later)
                {
                    earlier.TryAdd(label, text);
                }
                map[key] = earlier;
            }
            else if (!IsEmpty(value) && !Equals(value, own))
            {
                Log.Warning(
                    $"release '{name}' sets {key}, but a template it inherits sets it too and wins (helmfile's inherit "
                        + $"keeps the first value set); {key} is {value}. Remove it from one of them.",
                    file,
                    YamlData.PositionOf(map, key)?.Line
                );
                map[key] = value;
            }
        }
        return map;
    }

    /// <summary>The fields of every template <paramref name="spec"/> inherits, merged in order.</summary>
    private static Dictionary<string, object?> Inherited(
        Dictionary<string, object?> spec,
        IReadOnlyDictionary<string, Dictionary<string, object?>> templates,
        string file,
        string what,
        IReadOnlyList<string> path
    )
    {
        var merged = new Dictionary<string, object?>();
        foreach (var (template, except, reader) in Entries(spec, file, what))
        {
            if (path.Contains(template))
            {
                throw reader.Error(
                    "template",
                    $"{what}: release templates inherit in a cycle: {string.Join(" -> ", path.Append(template))}."
                );
            }
            if (!templates.TryGetValue(template, out var definition))
            {
                var close = Suggestions.Closest(template, templates.Keys);
                throw reader.Error(
                    "template",
                    $"{what} inherits template '{template}', which is not defined."
                        + (close is null ? "" : $" Did you mean '{close}'?")
                        + (
                            templates.Count == 0
                                ? " Declare it under templates: at the top of the state file (or a base)."
                                : $" Templates: {string.Join(", ", templates.Keys)}."
                        )
                );
            }
            var source = (Dictionary<string, object?>)ValueMerge.Clone(definition)!;
            if (source.ContainsKey("inherit"))
            {
                var above = Inherited(
                    source,
                    templates,
                    file,
                    $"template '{template}'",
                    [.. path, template]
                );
                source.Remove("inherit");
                source = FillFrom(above, source);
            }
            foreach (var field in except)
            {
                if (!Excludable.Contains(field))
                {
                    throw reader.Error(
                        "except",
                        $"{what}: '{field}' cannot be excepted from template '{template}'. Allowed, as in helmfile: "
                            + $"{string.Join(", ", Excludable)}."
                    );
                }
                source.Remove(field);
            }
            merged = FillFrom(merged, source);
        }
        return merged;
    }

    /// <summary>mergo's Merge(dst, src) with slices appended: what dst lacks comes from src; lists concatenate; maps unite.</summary>
    private static Dictionary<string, object?> FillFrom(
        Dictionary<string, object?> first,
        Dictionary<string, object?> then
    )
    {
        foreach (var (key, value) in then)
        {
            var existing = first.GetValueOrDefault(key);
            first[key] = (existing, value) switch
            {
                _ when IsEmpty(existing) => value,
                (List<object?> a, List<object?> b) => a.Concat(b).ToList(),
                (Dictionary<string, object?> a, Dictionary<string, object?> b) => Unite(a, b),
                _ => existing,
            };
        }
        return first;
    }

    private static Dictionary<string, object?> Unite(
        Dictionary<string, object?> first,
        Dictionary<string, object?> then
    )
    {
        foreach (var (key, value) in then)
        {
            first.TryAdd(key, value);
        }
        return first;
    }

    // mergo's "empty": an unset field, null or an empty string. false and 0 are values (helmfile's *bool and *int).
    private static bool IsEmpty(object? value) => value is null or "";

    private static IEnumerable<(string Template, List<string> Except, MapReader Reader)> Entries(
        Dictionary<string, object?> spec,
        string file,
        string what
    )
    {
        var entries = spec["inherit"] switch
        {
            null => [],
            List<object?> list => list,
            // helmfile still reads the single-map form (deprecated since v0.151).
            Dictionary<string, object?> single => [single],
            var other => throw new MapReader(spec, file, what, [.. spec.Keys], []).Error(
                "inherit",
                $"{what}: inherit must be a list such as [{{template: default}}], not {YamlData.Describe(other)}."
            ),
        };
        foreach (var entry in entries)
        {
            var reader = new MapReader(
                entry,
                file,
                $"{what} inherit entry",
                ["template", "except"],
                []
            );
            yield return (reader.RequiredString("template"), reader.Strings("except"), reader);
        }
    }
}
