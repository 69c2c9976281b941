using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Clusters.Status;

/// <summary>
/// The ClusterStatus target's steps: build, print and summarise the status of one or every environment, with the
/// EKS calendar it used, each reachable cluster's live server version, and each environment's lifecycle chart
/// (written to <c>.nuke/temp/cluster-lifecycle.md</c> and the GitHub job summary).
/// </summary>
internal static partial class ClusterStatusReport
{
    public const string ChartFileName = "cluster-lifecycle.md";

    /// <summary>How long a cluster's API server has to answer <c>/version</c>.</summary>
    public static readonly TimeSpan LiveVersionTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<EnvironmentStatus>> RunAsync(
        string? environment,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        var environments = settings.LoadEnvironments();
        if (environment is not null && environments.All(e => e.Name != environment))
        {
            throw new UsageException(
                $"--env {environment}: {settings.RelativeClustersFile} declares no such environment. Environments: "
                    + string.Join(", ", environments.Select(e => e.Name))
                    + "."
            );
        }
        var chosen = environments.Where(e => environment is null || e.Name == environment).ToList();
        var calendar = await settings.LoadCalendarAsync(
            chosen.Select(e => e.Region).FirstOrDefault(r => r is not null),
            cancellationToken
        );
        var statuses = new List<EnvironmentStatus>();
        foreach (var env in chosen)
        {
            var servers = await LiveVersions.ReadAsync(
                env.Clusters,
                settings.Kubeconfig,
                LiveVersionTimeout,
                cancellationToken
            );
            var apps = AppCatalog.Load(
                settings.Root,
                settings.HelmfileFile,
                env.Name,
                settings.Variables
            );
            statuses.Add(Build(env, apps, settings.Today, calendar, servers));
        }
        foreach (var status in statuses)
        {
            Print(status);
        }
        var chart = settings.TemporaryDirectory / ChartFileName;
        await AtomicFile.WriteAllTextAsync(
            chart,
            string.Join('\n', statuses.SelectMany(Chart)) + "\n",
            cancellationToken
        );
        Log.Info($"Lifecycle chart (Mermaid gantt): {chart.RelativeTo(settings.Root)}");
        return statuses;
    }

    private static void Print(EnvironmentStatus status)
    {
        foreach (var line in StatusWriter.Text(status))
        {
            Log.Info(line);
        }
        Log.Info("");
        foreach (var app in status.PastDeadline)
        {
            Log.Warning(
                $"{status.Environment}: app {app.App.Name} is past its migration deadline: {app.Status}."
            );
        }
        foreach (var row in status.VersionDrift)
        {
            Log.Warning(
                $"{status.Environment}: {row.Cluster.Name} runs Kubernetes {row.Live!.GitVersion}, but clusters.yaml "
                    + $"declares {row.Cluster.KubernetesVersion}. EKS upgrades a control plane on its own when extended "
                    + "support ends, so the cluster is no longer the immutable one its apps were tested on. Provision a "
                    + "new cluster (ProvisionCluster) and move the apps to it, and set this cluster's kubernetesVersion "
                    + "to what it runs until it is retired."
            );
        }
        Log.StepSummary(
            string.Join(
                '\n',
                [.. StatusWriter.Markdown(status), "", .. LifecycleChart.Markdown(status)]
            )
        );
    }

    private static IEnumerable<string> Chart(EnvironmentStatus status) =>
        [
            $"## Cluster lifecycle of {status.Environment}",
            "",
            .. LifecycleChart.Markdown(status),
            "",
        ];
}
