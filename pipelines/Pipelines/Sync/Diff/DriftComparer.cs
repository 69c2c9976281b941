using Pipelines.Yaml.Data;

namespace Pipelines.Sync.Diff;

/// <summary>
/// Decides whether a live object has drifted from its desired manifest, the way Argo CD's diff does, minus its
/// phantom diffs. Only fields the desired manifest sets count; server bookkeeping, ignored paths and equivalent
/// spellings never do. The rules are listed in <c>pipelines/Pipelines/Sync/Diff/README.md</c>.
/// </summary>
internal static class DriftComparer
{
    private static readonly ObjectDiff InSync = new(true, [], "");

    /// <summary>
    /// Compares <paramref name="desired"/> (the rendered manifest) with <paramref name="live"/> (the object as the API
    /// server returns it), both plain data. <paramref name="label"/> (e.g. <c>apps/Deployment web/web</c>) names the
    /// diff sides <c>live/LABEL</c> and <c>desired/LABEL</c>.
    /// </summary>
    public static ObjectDiff Compare(
        Dictionary<string, object?> desired,
        Dictionary<string, object?> live,
        IReadOnlyList<IgnoreDifferencesRule> rules,
        string label
    )
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(rules);
        var isSecret = SecretMask.IsSecret(desired);
        var wanted = isSecret ? SecretMask.FoldStringData(desired) : desired;
        var ignored = IgnoredPointers(wanted, live, rules);
        var check = new DriftWalker(ignored, isSecret, emitSides: false);
        check.Walk(wanted, live);
        if (!check.HasChanges)
        {
            return InSync;
        }
        // Drift is the rare case: only then walk again to build both sides of the diff.
        var shown = new DriftWalker(ignored, isSecret, emitSides: true).Walk(wanted, live);
        var liveSide = shown.Live as Dictionary<string, object?> ?? [];
        var desiredSide = shown.Desired as Dictionary<string, object?> ?? [];
        if (isSecret)
        {
            (liveSide, desiredSide) = SecretMask.Mask(liveSide, desiredSide);
        }
        var diff = Text.UnifiedDiff.Create(
            YamlData.ToYaml(liveSide),
            YamlData.ToYaml(desiredSide),
            $"live/{label}",
            $"desired/{label}"
        );
        return new ObjectDiff(false, check.ChangedPaths, diff);
    }

    internal static JsonPointer[] IgnoredPointers(
        Dictionary<string, object?> desired,
        Dictionary<string, object?> live,
        IReadOnlyList<IgnoreDifferencesRule> rules
    )
    {
        if (rules.Count == 0)
        {
            return [];
        }
        var apiVersion = Field(desired, live, null, "apiVersion") ?? "";
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? ReadOnlySpan<char>.Empty : apiVersion.AsSpan(0, slash);
        var kind = Field(desired, live, null, "kind");
        var name = Field(desired, live, "metadata", "name");
        // Rendered manifests often leave the namespace to the release; the live object always has it.
        var @namespace = Field(desired, live, "metadata", "namespace");
        JsonPointer[]? pointers = null;
        foreach (var rule in rules)
        {
            if (rule.Matches(group, kind, name, @namespace))
            {
                pointers = pointers is null ? rule.Pointers : [.. pointers, .. rule.Pointers];
            }
        }
        return pointers ?? [];
    }

    private static string? Field(
        Dictionary<string, object?> desired,
        Dictionary<string, object?> live,
        string? parent,
        string key
    ) => Field(desired, parent, key) ?? Field(live, parent, key);

    private static string? Field(Dictionary<string, object?> map, string? parent, string key)
    {
        var scope = parent is null
            ? map
            : map.GetValueOrDefault(parent) as Dictionary<string, object?>;
        return scope?.GetValueOrDefault(key) as string;
    }
}
