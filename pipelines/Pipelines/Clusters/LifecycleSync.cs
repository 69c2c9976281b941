using Pipelines.Engine;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync;
using Pipelines.Sync.Kube;

namespace Pipelines.Clusters;

/// <summary>The Syncs the lifecycle runs itself (a new cluster's management apps, a retiring cluster's drain).</summary>
internal static class LifecycleSync
{
    /// <summary>Syncs <paramref name="render"/> and prints each cluster's report; the caller decides what fails.</summary>
    public static async Task<IReadOnlyList<ClusterReport>> RunAsync(
        RenderResult render,
        ClusterLifecycleSettings settings,
        bool prune,
        CancellationToken cancellationToken,
        int maxPrune = 50
    )
    {
        var reports = await ClusterSyncing.SyncAllAsync(
            render,
            settings.SyncOptions(prune) with
            {
                MaxPrune = maxPrune,
            },
            c => KubeConnections.Create(c, settings.Kubeconfig),
            cancellationToken
        );
        foreach (var line in reports.SelectMany(SyncReportWriter.Text))
        {
            Log.Info(line);
        }
        return reports;
    }
}
