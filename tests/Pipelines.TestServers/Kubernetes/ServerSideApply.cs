using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// Server-side apply over a stored object: merges the applied configuration, detects conflicts
/// with other managers, transfers ownership on force and removes fields the manager stopped applying.
/// </summary>
internal static class ServerSideApply
{
    /// <summary>
    /// Returns the merged object and updates <paramref name="entries"/>; throws a 409 Status when
    /// another manager owns a field the configuration sets to a different value, unless forced.
    /// </summary>
    public static JsonObject Merge(
        JsonObject? existing,
        JsonObject applied,
        List<ManagedFieldsEntry> entries,
        string manager,
        string apiVersion,
        bool force,
        string time
    )
    {
        var appliedPaths = FieldSet.FromObject(applied);
        var mine = entries.Find(e => e.IsApply && e.Manager == manager);
        var conflicts = existing is null
            ? []
            : FindConflicts(existing, applied, appliedPaths, entries, mine);
        if (conflicts.Count > 0 && !force)
        {
            throw ConflictError(conflicts);
        }
        foreach (var (entry, path) in conflicts)
        {
            entry.Fields.Remove(path);
        }

        var merged = existing?.DeepClone().AsObject() ?? new JsonObject();
        JsonMerge.Apply(merged, applied);

        var previous = mine?.Fields ?? [];
        var others = entries.Where(e => e != mine).ToList();
        bool Kept(string path) =>
            IsUnder(appliedPaths, path) || others.Any(e => IsUnder(e.Fields, path));
        // Shallowest first: a dropped list item takes its fields with it.
        foreach (var path in previous.Except(appliedPaths).OrderBy(p => p.Count(c => c == '\n')))
        {
            if (!Kept(path))
            {
                FieldSet.Remove(merged, path, Kept);
            }
        }

        if (mine is null)
        {
            mine = new ManagedFieldsEntry(manager, "Apply", apiVersion, time);
            entries.Add(mine);
        }
        if (!mine.Fields.SetEquals(appliedPaths) || mine.ApiVersion != apiVersion)
        {
            mine.Fields = appliedPaths;
            mine.ApiVersion = apiVersion;
            mine.Time = time;
        }
        return merged;
    }

    private static List<(ManagedFieldsEntry Entry, string Path)> FindConflicts(
        JsonObject existing,
        JsonObject applied,
        HashSet<string> appliedPaths,
        List<ManagedFieldsEntry> entries,
        ManagedFieldsEntry? mine
    )
    {
        var conflicts = new List<(ManagedFieldsEntry, string)>();
        foreach (var other in entries.Where(e => e != mine))
        {
            foreach (
                var path in other.Fields.Where(appliedPaths.Contains).Order(StringComparer.Ordinal)
            )
            {
                if (
                    FieldSet.TryGet(existing, path, out var current)
                    && FieldSet.TryGet(applied, path, out var wanted)
                    && current is not JsonObject
                    && !JsonNode.DeepEquals(current, wanted)
                )
                {
                    conflicts.Add((other, path));
                }
            }
        }
        return conflicts;
    }

    /// <summary>The real server's wording: one line for one conflict, a list per manager otherwise.</summary>
    private static KubeApiException ConflictError(
        List<(ManagedFieldsEntry Entry, string Path)> conflicts
    )
    {
        var causes = new JsonArray();
        foreach (var (entry, path) in conflicts)
        {
            causes.Add(
                new JsonObject
                {
                    ["type"] = "FieldManagerConflict",
                    ["message"] = $"conflict with {entry.Describe()}",
                    ["field"] = FieldSet.Display(path),
                }
            );
        }
        string message;
        if (conflicts.Count == 1)
        {
            var (entry, path) = conflicts[0];
            message =
                $"Apply failed with 1 conflict: conflict with {entry.Describe()}: {FieldSet.Display(path)}";
        }
        else
        {
            var lines = conflicts
                .GroupBy(c => c.Entry.Describe())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g =>
                    g.Select(c => "- " + FieldSet.Display(c.Path))
                        .Prepend($"conflicts with {g.Key}:")
                );
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }
        return StatusResponses.ApplyConflict(message, causes);
    }

    private static bool IsUnder(HashSet<string> paths, string path) =>
        paths.Contains(path) || paths.Any(p => p.StartsWith(path + "\n", StringComparison.Ordinal));
}
