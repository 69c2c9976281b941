using Pipelines.Clusters.Calendar;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Clusters.Status;

/// <summary>One environment's clusters and where each app runs, as of a day.</summary>
/// <param name="Environment">The environment's name.</param>
/// <param name="Today">The day deadlines and support count from.</param>
/// <param name="Clusters">Every cluster of clusters.yaml, retired ones too.</param>
/// <param name="Apps">Every app and where it runs.</param>
/// <param name="Calendar">Where the EKS support dates came from (<see cref="EksCalendar.Origin"/>).</param>
internal sealed record EnvironmentStatus(
    string Environment,
    DateOnly Today,
    IReadOnlyList<ClusterRow> Clusters,
    IReadOnlyList<AppRow> Apps,
    string Calendar
)
{
    public IReadOnlyList<AppRow> PastDeadline => Apps.Where(a => a.PastDeadline).ToList();

    /// <summary>Clusters whose API server runs another version than clusters.yaml declares.</summary>
    public IReadOnlyList<ClusterRow> VersionDrift =>
        Clusters.Where(c => c.Live?.DiffersFrom(c.Cluster.KubernetesVersion) == true).ToList();
}

/// <summary>
/// A cluster: version, color, role (new, old, only), state, EKS standard support left, deadline, and the version its
/// API server reported (null when it was not asked).
/// </summary>
internal sealed record ClusterRow(
    ClusterDefinition Cluster,
    string Role,
    EksVersion? Support,
    int? SupportDaysLeft,
    int? DeadlineDaysLeft,
    LiveVersion? Live = null
);

/// <summary>An app, the live clusters it runs on, and whether it is behind the newest cluster's deadline.</summary>
internal sealed record AppRow(
    AppReleases App,
    IReadOnlyList<string> RunsOn,
    IReadOnlyList<string> PartlyOn,
    string Status,
    bool PastDeadline
);

/// <summary>Works out <see cref="EnvironmentStatus"/> from clusters.yaml and the environment's apps.</summary>
internal static partial class ClusterStatusReport
{
    public static EnvironmentStatus Build(
        ClusterEnvironment environment,
        IReadOnlyList<AppReleases> apps,
        DateOnly today,
        EksCalendar calendar,
        IReadOnlyDictionary<string, LiveVersion>? servers = null
    )
    {
        var live = environment
            .Live.OrderByDescending(c => KubernetesVersion.Parse(c.KubernetesVersion))
            .ThenByDescending(c => c.Provisioned ?? DateOnly.MinValue)
            .ToList();
        var newest = live.FirstOrDefault();
        var rows = environment
            .Clusters.Select(c =>
            {
                var support = calendar.Find(c.KubernetesVersion);
                return new ClusterRow(
                    c,
                    Role(c, newest, live.Count),
                    support,
                    c.IsLive ? support?.DaysOfStandardSupportLeft(today) : null,
                    c.IsLive && c.Deadline is { } d ? d.DayNumber - today.DayNumber : null,
                    servers?.GetValueOrDefault(c.Name)
                );
            })
            .ToList();
        return new EnvironmentStatus(
            environment.Name,
            today,
            rows,
            apps.Select(a => App(a, live, newest, today)).ToList(),
            calendar.Origin
        );
    }

    private static string Role(ClusterDefinition cluster, ClusterDefinition? newest, int live) =>
        !cluster.IsLive ? "-"
        : live == 1 ? "only"
        : cluster.Name == newest?.Name ? "new"
        : "old";

    private static AppRow App(
        AppReleases app,
        IReadOnlyList<ClusterDefinition> live,
        ClusterDefinition? newest,
        DateOnly today
    )
    {
        var on = live.Where(app.RunsOn).Select(c => c.Name).ToList();
        var partly = live.Where(c => app.TouchesCluster(c) && !app.RunsOn(c))
            .Select(c => c.Name)
            .ToList();
        if (on.Count == 0 && partly.Count == 0)
        {
            return new AppRow(app, on, partly, "NOT RUNNING: no live cluster carries it", false);
        }
        if (app.IsManagement || newest is null || live.Count == 1)
        {
            return new AppRow(
                app,
                on,
                partly,
                on.Count == live.Count ? "on every cluster" : "",
                false
            );
        }
        if (on.Contains(newest.Name))
        {
            var status =
                on.Count > 1 ? "moved; still on the old cluster too (parallel run)" : "moved";
            return new AppRow(app, on, partly, status, false);
        }
        if (newest.Deadline is not { } deadline)
        {
            return new AppRow(app, on, partly, $"to move to {newest.Name}", false);
        }
        return deadline < today
            ? new AppRow(
                app,
                on,
                partly,
                $"PAST DEADLINE: not on {newest.Name}, due {deadline:yyyy-MM-dd}",
                true
            )
            : new AppRow(
                app,
                on,
                partly,
                $"to move to {newest.Name} by {deadline:yyyy-MM-dd} ({deadline.DayNumber - today.DayNumber} days)",
                false
            );
    }
}
