using Pipelines.Clusters.Calendar;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Text;

namespace Pipelines.Clusters.Briefing;

/// <summary>
/// UpgradeBriefing: renders each app at the version of the cluster it runs on and at the new version (real helm,
/// RenderHelmfile's renderer and cache) and reports per app the manifest diff, the removed and deprecated APIs it
/// still uses, the deadline and the commands to move.
/// </summary>
internal static partial class UpgradeBriefing
{
    public static async Task<UpgradeBriefingReport> BuildAsync(
        string environmentName,
        string? version,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        var environments = settings.LoadEnvironments();
        var environment =
            environments.FirstOrDefault(e => e.Name == environmentName)
            ?? throw new UsageException(
                $"--env {environmentName}: {settings.RelativeClustersFile} declares no such environment. Environments: "
                    + string.Join(", ", environments.Select(e => e.Name))
                    + "."
            );
        var calendar = await settings.LoadCalendarAsync(environment.Region, cancellationToken);
        var support = calendar.Choose(version);
        if (support.Warning is { } warning)
        {
            Log.Warning(warning);
        }
        var target = KubernetesVersion.Parse(support.Version);
        var existing = environment.Live.FirstOrDefault(c => c.KubernetesVersion == support.Version);
        var next = existing ?? Hypothetical(environment, support);
        var apps = AppCatalog.Load(
            settings.Root,
            settings.HelmfileFile,
            environment.Name,
            settings.Variables
        );
        var sources = apps.ToDictionary(a => a.Name, a => Source(a, environment, target));

        var renders = new Dictionary<string, RenderResult>();
        foreach (var source in sources.Values.OfType<ClusterDefinition>().DistinctBy(c => c.Name))
        {
            renders[source.Name] = await settings
                .Renderer(checkRemovedApis: false)
                .RenderAsync(
                    settings.HelmfileFile,
                    [
                        source with
                        {
                            Carries = [],
                        },
                        next with
                        {
                            Carries = [],
                            State = ClusterState.Active,
                        },
                    ],
                    new RenderOptions(environment.Name, null, [], NeedsGraph.Include.None),
                    cancellationToken
                );
        }
        var targetRender =
            renders.Values.FirstOrDefault()
            ?? await settings
                .Renderer(checkRemovedApis: false)
                .RenderAsync(
                    settings.HelmfileFile,
                    [next with { Carries = [], State = ClusterState.Active }],
                    new RenderOptions(environment.Name, null, [], NeedsGraph.Include.None),
                    cancellationToken
                );
        var briefings = apps.Select(app =>
            {
                var source = sources[app.Name];
                var newObjects = Objects(targetRender, next.Name, app);
                var diff = source is null
                    ? ""
                    : UnifiedDiff.Create(
                        Manifests(
                            renders[source.Name],
                            source.Name,
                            targetRender,
                            next.Name,
                            app,
                            isNewSide: false
                        ),
                        Manifests(
                            targetRender,
                            next.Name,
                            renders[source.Name],
                            source.Name,
                            app,
                            isNewSide: true
                        ),
                        $"{app.Name} at {source.KubernetesVersion} ({source.Name})",
                        $"{app.Name} at {support.Version} ({next.Name})"
                    );
                return new AppBriefing(
                    app,
                    source,
                    diff,
                    newObjects
                        .SelectMany(o =>
                            RemovedApiCheck.Check(o.Release, [o.Object], support.Version)
                        )
                        .ToList(),
                    newObjects.SelectMany(o => Deprecated(o.Release, o.Object, target)).ToList()
                );
            })
            .ToList();
        return new UpgradeBriefingReport(
            environment.Name,
            support.Version,
            next,
            existing is not null,
            support.Support,
            briefings
        );
    }

    /// <summary>The newest live cluster below the new version that runs the app; null when it already runs at it.</summary>
    private static ClusterDefinition? Source(
        AppReleases app,
        ClusterEnvironment environment,
        KubernetesVersion target
    ) =>
        environment
            .Live.Where(c =>
                app.TouchesCluster(c) && KubernetesVersion.Parse(c.KubernetesVersion) < target
            )
            .OrderByDescending(c => KubernetesVersion.Parse(c.KubernetesVersion))
            .FirstOrDefault()
            is { } source
        && !environment.Live.Any(c =>
            app.RunsOn(c) && KubernetesVersion.Parse(c.KubernetesVersion) >= target
        )
            ? source
            : null;

    private static ClusterDefinition Hypothetical(
        ClusterEnvironment environment,
        EksVersionChoice version
    )
    {
        var color = ClusterNaming.NextColor(environment.Clusters);
        var name = ClusterNaming.Name(environment.Name, version.Version, color);
        return new ClusterDefinition
        {
            Name = name,
            Environment = environment.Name,
            KubernetesVersion = version.Version,
            Region = environment.Region ?? "",
            KubeContext = name,
            Color = color,
            State = ClusterState.Active,
        };
    }

    private static List<(string Release, ManifestObject Object)> Objects(
        RenderResult render,
        string cluster,
        AppReleases app
    ) =>
        Releases(render, cluster, app)
            .SelectMany(r => r.Objects.Select(o => (r.Release.Name, o)))
            .ToList();

    /// <summary>
    /// The app's releases on <paramref name="cluster"/>, each under a "# release" line, with Secret values redacted
    /// against the same release on <paramref name="otherCluster"/> (the briefing goes to app teams).
    /// </summary>
    private static string Manifests(
        RenderResult render,
        string cluster,
        RenderResult otherRender,
        string otherCluster,
        AppReleases app,
        bool isNewSide
    )
    {
        var other = Releases(otherRender, otherCluster, app)
            .ToDictionary(r => r.Release.Id, r => r.Yaml);
        return string.Concat(
            Releases(render, cluster, app)
                .Select(r =>
                {
                    var was = other.GetValueOrDefault(r.Release.Id) ?? "";
                    var shown = isNewSide
                        ? SecretRedaction.Redact(was, r.Yaml).After
                        : SecretRedaction.Redact(r.Yaml, was).Before;
                    return $"# release {r.Namespace}/{r.Release.Name}\n{shown}";
                })
        );
    }

    private static IEnumerable<RenderedRelease> Releases(
        RenderResult render,
        string cluster,
        AppReleases app
    ) =>
        render
            .Clusters.Single(c => c.Cluster.Name == cluster)
            .Releases.Where(r => app.Releases.Any(a => a.Id == r.Release.Id));

    private static IEnumerable<DeprecatedUse> Deprecated(
        string release,
        ManifestObject manifest,
        KubernetesVersion target
    ) =>
        RemovedApis
            .All.Where(api =>
                api.ApiVersion == manifest.ApiVersion
                && api.Kind == manifest.Kind
                && KubernetesVersion.Parse(api.RemovedIn) > target
            )
            .Select(api => new DeprecatedUse(
                release,
                manifest.Kind,
                manifest.Name,
                manifest.ApiVersion,
                api.RemovedIn,
                api.HasReplacement ? api.Replacement : api.Note ?? ""
            ));
}
