using Pipelines.Text;

namespace Pipelines.Clusters.Status;

/// <summary>ClusterStatus's two tables per environment: clusters, then apps.</summary>
internal static class StatusWriter
{
    public static TextTable Clusters(EnvironmentStatus status) =>
        TextTable.Of(
            [
                "Cluster",
                "Version",
                "Color",
                "Role",
                "State",
                "EKS standard support",
                "Migration deadline",
                "Live version",
            ],
            status
                .Clusters.Select(r =>
                    (IReadOnlyList<string>)
                        [
                            r.Cluster.Name,
                            r.Cluster.KubernetesVersion,
                            r.Cluster.Color.ToString().ToLowerInvariant(),
                            r.Role,
                            r.Cluster.State.ToString().ToLowerInvariant(),
                            Support(r),
                            Deadline(r),
                            Live(r),
                        ]
                )
                .ToList()
        );

    public static TextTable Apps(EnvironmentStatus status) =>
        TextTable.Of(
            ["App", "Tier", "Runs on", "Status"],
            status
                .Apps.Select(a =>
                    (IReadOnlyList<string>)
                        [
                            a.App.Name,
                            a.App.Tier,
                            string.Join(
                                ", ",
                                a.RunsOn.Concat(a.PartlyOn.Select(p => $"{p} (partly)"))
                            ),
                            a.Status,
                        ]
                )
                .ToList()
        );

    public static IEnumerable<string> Text(EnvironmentStatus status) =>
        [
            $"Environment {status.Environment} on {status.Today:yyyy-MM-dd}:",
            .. Clusters(status).Text(),
            "",
            .. Apps(status).Text(),
            "",
            $"EKS support dates: {status.Calendar}.",
        ];

    public static IEnumerable<string> Markdown(EnvironmentStatus status) =>
        [
            $"### Clusters of {status.Environment} ({status.Today:yyyy-MM-dd})",
            "",
            .. Clusters(status).Markdown(),
            "",
            .. Apps(status).Markdown(),
            "",
            $"EKS support dates: {status.Calendar}.",
        ];

    // Empty when the cluster was not asked (no kube context here): the usual case on a laptop without the clusters.
    private static string Live(ClusterRow row) =>
        row.Live switch
        {
            null or { GitVersion: null, Reason: null } => "",
            { GitVersion: null, Reason: var reason } => reason,
            { GitVersion: var version } when row.Live.DiffersFrom(row.Cluster.KubernetesVersion) =>
                $"{version} DIFFERS from clusters.yaml",
            { GitVersion: var version } => version!,
        };

    private static string Support(ClusterRow row) =>
        (row.Support, row.SupportDaysLeft) switch
        {
            (null, _) => "not in the EKS table",
            (_, null) => "",
            ({ } v, >= 0 and var days) =>
                $"{days} days (until {v.EndOfStandardSupport:yyyy-MM-dd})",
            ({ } v, var days) =>
                $"ended {-days} days ago ({v.EndOfStandardSupport:yyyy-MM-dd}); extended until {v.EndOfExtendedSupport:yyyy-MM-dd}",
        };

    // Only the newest cluster's deadline is one apps are working to; an old cluster's was met long ago.
    private static string Deadline(ClusterRow row) =>
        (row.Role is "new" or "only" ? row.Cluster.Deadline : null, row.DeadlineDaysLeft) switch
        {
            (null, _) => "",
            ({ } d, null) => $"{d:yyyy-MM-dd}",
            ({ } d, >= 0 and var days) => $"{d:yyyy-MM-dd} (in {days} days)",
            ({ } d, var days) => $"{d:yyyy-MM-dd} (passed {-days} days ago)",
        };
}
