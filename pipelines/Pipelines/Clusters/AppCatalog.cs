using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;

namespace Pipelines.Clusters;

/// <summary>
/// One app of an environment: the releases labelled <c>app: &lt;name&gt;</c>, or a release without that label
/// (a management app such as log-forwarder) on its own. Apps are what move between clusters.
/// </summary>
internal sealed record AppReleases(string Name, string Tier, IReadOnlyList<ReleaseSpec> Releases)
{
    /// <summary>Management apps run on every cluster; they are never migrated.</summary>
    public bool IsManagement => Tier == "management";

    /// <summary>Whether a cluster carries every release of the app.</summary>
    public bool RunsOn(ClusterDefinition cluster) =>
        cluster.IsLive && Releases.All(cluster.CarriesRelease);

    /// <summary>Whether a cluster carries any release of the app.</summary>
    public bool TouchesCluster(ClusterDefinition cluster) =>
        cluster.IsLive && Releases.Any(cluster.CarriesRelease);
}

/// <summary>The apps an environment deploys, from helmfile.yaml (releases disabled there are left out).</summary>
internal static class AppCatalog
{
    public const string AppLabel = "app";

    public static IReadOnlyList<AppReleases> Load(
        AbsolutePath root,
        AbsolutePath helmfileFile,
        string environment,
        Func<string, string?> variables
    )
    {
        var templates = HelmfileTemplates.Context(variables);
        // Nested states (helmfiles:) deploy apps too; their own selectors decide which.
        var releases = new StateTree(root, templates)
            .Load(helmfileFile, environment, [], StateValueOverrides.None)
            .SelectMany(loaded =>
                loaded
                    .State.State.Releases.Select(r =>
                        ReleaseTemplating.Apply(loaded.State, r, templates)
                    )
                    .Where(r => ReleaseSelector.AnyMatches(loaded.Selectors, r.Spec))
            )
            .Where(r => r.Enabled)
            .Select(r => r.Spec)
            .ToList();
        return Of(releases);
    }

    public static IReadOnlyList<AppReleases> Of(IEnumerable<ReleaseSpec> releases) =>
        releases
            .GroupBy(r => r.Labels.GetValueOrDefault(AppLabel) ?? r.Name)
            .Select(g => new AppReleases(
                g.Key,
                g.Select(r => r.Labels.GetValueOrDefault("tier")).FirstOrDefault(t => t is not null)
                    ?? "",
                g.ToList()
            ))
            .OrderBy(a => a.IsManagement ? 0 : 1)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The app named <paramref name="name"/>; unknown, a usage error listing the apps that can move.</summary>
    public static AppReleases Find(IReadOnlyList<AppReleases> apps, string name, string environment)
    {
        var movable = apps.Where(a => !a.IsManagement).Select(a => a.Name).ToList();
        var app = apps.FirstOrDefault(a => a.Name == name);
        if (app is null)
        {
            var close = Suggestions.Closest(name, movable);
            throw new UsageException(
                $"--app {name}: no release of environment '{environment}' is labelled app={name} in helmfile.yaml."
                    + (close is null ? "" : $" Did you mean '{close}'?")
                    + $" Apps: {(movable.Count == 0 ? "none" : string.Join(", ", movable))}."
            );
        }
        if (app.IsManagement)
        {
            throw new UsageException(
                $"--app {name} is a management app (tier: management): it runs on every cluster and never moves."
            );
        }
        return app;
    }
}
