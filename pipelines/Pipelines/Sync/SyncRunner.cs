using k8s;
using Pipelines.Clusters;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

/// <summary>Syncs every cluster of a render at once; each cluster gets its own report, and one failing never stops the others.</summary>
internal static class SyncRunner
{
    public static async Task<IReadOnlyList<ClusterReport>> RunAsync(
        RenderResult render,
        SyncOptions options,
        Func<ClusterDefinition, IKubernetes> connect,
        CancellationToken cancellationToken
    )
    {
        DesiredDocuments.ThrowIfNotObjects(render);
        var clients = new List<IKubernetes>();
        // One guard for the run: HEAD is read, and a recorded revision fetched, once for every cluster.
        var revisions = new RevisionGuard(options.GitWorkTree);
        try
        {
            var runs = render.Clusters.Select(cluster =>
            {
                // One catalog per cluster, shared by the sync and its API: CRDs learned by one serve both.
                var catalog = new ResourceCatalog();
                ClusterApi Connect()
                {
                    var client = connect(cluster.Cluster);
                    lock (clients)
                    {
                        clients.Add(client);
                    }
                    return new ClusterApi(client, catalog, options.FieldManager);
                }
                var sync = new ClusterSync(
                    options,
                    render.Environment,
                    catalog,
                    Connect,
                    revisions
                );
                return Task.Run(() => sync.RunAsync(cluster, cancellationToken), cancellationToken);
            });
            return await Task.WhenAll(runs);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
