using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Selection;

/// <summary>
/// Orders releases by <c>needs</c> (a release comes after what it needs), as helmfile does. A need names
/// <c>name</c>, <c>namespace/name</c> or <c>kubecontext/namespace/name</c>. With include-needs, the releases a
/// selected release needs are selected too (directly, or transitively).
/// </summary>
public static class NeedsGraph
{
    public enum Include
    {
        None,
        Direct,
        Transitive,
    }

    /// <summary>
    /// Orders <paramref name="selected"/> (plus what it needs, by <paramref name="include"/>, among
    /// <paramref name="eligible"/> when given). Needs resolve against <paramref name="all"/>, the whole state:
    /// a need on a release this run does not render is ordering information, not an error.
    /// </summary>
    public static IReadOnlyList<ReleaseSpec> Order(
        IReadOnlyList<ReleaseSpec> all,
        IReadOnlyCollection<ReleaseSpec> selected,
        Include include,
        IReadOnlyCollection<ReleaseSpec>? eligible = null
    )
    {
        var needs = all.ToDictionary(r => r, r => r.Needs.Select(n => Resolve(all, r, n)).ToList());
        var chosen = selected.ToHashSet();
        var frontier = selected.ToList();
        while (include != Include.None && frontier.Count > 0)
        {
            frontier = frontier
                .SelectMany(r => needs[r])
                .Where(n => eligible?.Contains(n) != false && chosen.Add(n))
                .ToList();
            if (include == Include.Direct)
            {
                break;
            }
        }
        var ordered = new List<ReleaseSpec>();
        var done = new HashSet<ReleaseSpec>();
        var path = new List<ReleaseSpec>();
        foreach (var release in all.Where(chosen.Contains))
        {
            Visit(release);
        }
        return ordered;

        void Visit(ReleaseSpec release)
        {
            if (path.Contains(release))
            {
                var cycle = path.SkipWhile(r => r != release)
                    .Append(release)
                    .Select(r => r.Id.TrimStart('/'));
                throw new UsageException(
                    $"Releases need each other in a cycle: {string.Join(" -> ", cycle)} ({release.DeclaredIn}). Remove one of these needs."
                );
            }
            if (!done.Add(release))
            {
                return;
            }
            path.Add(release);
            foreach (var need in needs[release].Where(chosen.Contains))
            {
                Visit(need);
            }
            path.RemoveAt(path.Count - 1);
            ordered.Add(release);
        }
    }

    private static ReleaseSpec Resolve(
        IReadOnlyList<ReleaseSpec> all,
        ReleaseSpec release,
        string need
    )
    {
        var parts = need.Split('/');
        var (ns, name) = parts.Length switch
        {
            1 => (release.Namespace, parts[0]),
            2 => (parts[0], parts[1]),
            3 => (parts[1], parts[2]),
            _ => throw Bad(),
        };
        return all.FirstOrDefault(r => r.Name == name && (r.Namespace ?? "") == (ns ?? ""))
            ?? all.FirstOrDefault(r => r.Name == name && parts.Length == 1)
            ?? throw new UsageException(
                $"{release.DeclaredIn}: release '{release.Name}' needs '{need}', but no release is named that. "
                    + $"Releases: {string.Join(", ", all.Select(r => r.Id.TrimStart('/')))}."
            );

        UsageException Bad() =>
            new(
                $"{release.DeclaredIn}: release '{release.Name}': need '{need}' is not name, namespace/name or context/namespace/name."
            );
    }
}
