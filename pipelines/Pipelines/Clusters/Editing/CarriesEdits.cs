using Pipelines.Failures;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Clusters.Editing;

/// <summary>
/// How a cluster's <c>carries:</c> selectors change when an app moves. A new cluster gains <c>app=web</c>; the old
/// one, which usually carries everything, gets <c>app!=web</c> (added to each of its selectors that would still
/// match the app, since terms of one selector must all hold). The result is checked against the app's releases, so
/// the edit does exactly what it says or fails.
/// </summary>
internal static class CarriesEdits
{
    /// <summary>The edits that make <paramref name="cluster"/> carry every release of <paramref name="app"/>; none when it already does.</summary>
    public static IReadOnlyList<ClustersYamlEdit> StartCarrying(
        ClusterDefinition cluster,
        AppReleases app
    )
    {
        if (app.Releases.All(cluster.CarriesRelease))
        {
            return [];
        }
        var path = ClustersYamlEdit.ClusterPath(cluster) + ".carries";
        var edits = new List<ClustersYamlEdit>();
        var selectors = cluster.Carries.ToList();
        for (var i = 0; i < selectors.Count; i++)
        {
            var kept = selectors[i].Terms.Where(t => !Excludes(t, app.Name)).ToList();
            if (kept.Count == selectors[i].Terms.Count)
            {
                continue;
            }
            if (kept.Count == 0)
            {
                // The selector only excluded this app, so it selects everything again: omitted carries says that.
                return [new RemoveKey(path)];
            }
            selectors[i] = new ReleaseSelector(kept);
            edits.Add(new SetScalar($"{path}[{i}]", selectors[i].ToString()));
        }
        if (!app.Releases.All(r => ReleaseSelector.AnyMatches(selectors, r)))
        {
            edits.Add(new AppendItem(path, $"{AppCatalog.AppLabel}={app.Name}"));
        }
        return edits;
    }

    /// <summary>
    /// The edits that make <paramref name="cluster"/> carry no release of <paramref name="app"/> and keep carrying
    /// everything else it did; none when it carries none of them.
    /// </summary>
    public static IReadOnlyList<ClustersYamlEdit> StopCarrying(
        ClusterDefinition cluster,
        AppReleases app
    )
    {
        if (!app.Releases.Any(cluster.CarriesRelease))
        {
            return [];
        }
        var path = ClustersYamlEdit.ClusterPath(cluster) + ".carries";
        var exclude = $"{AppCatalog.AppLabel}!={app.Name}";
        if (cluster.Carries.Count == 0)
        {
            return [new AppendItem(path, exclude)];
        }
        var edits = new List<ClustersYamlEdit>();
        var removed = new List<ReleaseSelector>();
        for (var i = 0; i < cluster.Carries.Count; i++)
        {
            var selector = cluster.Carries[i];
            if (!app.Releases.Any(selector.Matches))
            {
                continue;
            }
            if (selector.Terms is [var only] && only.Key == AppCatalog.AppLabel && only.Equal)
            {
                removed.Add(selector);
                continue;
            }
            edits.Add(new SetScalar($"{path}[{i}]", $"{selector},{exclude}"));
        }
        if (removed.Count == cluster.Carries.Count)
        {
            throw new Failures.UsageException(
                $"{cluster.Name} carries nothing but {app.Name}; moving it away would leave an empty carries list, "
                    + "which means every release. Retire the cluster instead: ./build.sh RetireCluster --name "
                    + cluster.Name
            );
        }
        // Removing by value after the index-addressed edits keeps the indices right.
        edits.AddRange(removed.Select(s => new RemoveItem(path, s.ToString())));
        return edits;
    }

    private static bool Excludes(ReleaseSelector.Term term, string app) =>
        term.Key == AppCatalog.AppLabel && !term.Equal && term.Value == app;
}
