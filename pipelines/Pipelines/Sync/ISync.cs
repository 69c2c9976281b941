using Pipelines.Engine;
using Pipelines.Helmfile;
using Pipelines.Helmfile.Rendering;

namespace Pipelines.Sync;

/// <summary>
/// The Sync target as a component: <c>class Build : PipelineBuild, ISync</c>. Puts every live cluster of
/// <c>--env</c> into the state RenderHelmfile rendered from Git, reports Out Of Sync drift, and puts it back.
/// </summary>
public interface ISync : IHelmfileRender
{
    [Parameter(
        "Diff only: report drift per cluster, change nothing; exit 2 when any cluster is Out Of Sync"
    )]
    bool Check => TryGetValue(() => Check);

    [Parameter(
        "Delete objects Sync applied to a cluster that Git no longer wants there (never anything untracked)"
    )]
    bool Prune => TryGetValue(() => Prune);

    [Parameter(
        "With --prune: the most one run may delete on a cluster, in percent of the objects Sync tracks there; more deletes nothing and fails the cluster (0-100)"
    )]
    int MaxPrune => TryGetValue<int?>(() => MaxPrune) ?? 50;

    [Parameter(
        "With --prune: kinds whose deletion cascades that prune may still delete (Namespace, CustomResourceDefinition, PersistentVolume, PersistentVolumeClaim)"
    )]
    string[] PruneKinds => TryGetValue(() => PruneKinds) ?? [];

    [Parameter(
        "Take over live objects Sync did not create on the cluster (default: leave them unchanged and fail, as helm does)"
    )]
    bool Adopt => TryGetValue(() => Adopt);

    [Parameter(
        "Sync a revision older than, or unrelated to, the one last synced to a cluster (a deliberate rollback)"
    )]
    bool AllowRollback => TryGetValue(() => AllowRollback);

    [Parameter("Take fields other managers own (default: only on objects Sync already tracks)")]
    bool? ForceConflicts => TryGetValue(() => ForceConflicts);

    [Parameter(
        "Seconds to wait for rollouts (Deployments, StatefulSets, DaemonSets, Jobs) to become healthy"
    )]
    int Timeout => TryGetValue<int?>(() => Timeout) ?? 300;

    [Parameter(
        "Seconds to wait for another Sync of the same cluster to finish (its Lease pipelines-sync-<env> in kube-system) before failing that cluster"
    )]
    int LockTimeout => TryGetValue<int?>(() => LockTimeout) ?? 120;

    [Parameter(
        "The kubeconfig holding the clusters' contexts (default: KUBECONFIG, else ~/.kube/config)"
    )]
    AbsolutePath? Kubeconfig => TryGetValue(() => Kubeconfig);

    Target Sync =>
        _ =>
            _.Description(
                    "Sync every live cluster of --env to the rendered state; report and repair Out Of Sync drift"
                )
                .DependsOn<IHelmfileRender>(x => x.RenderHelmfile)
                .Consumes<RenderResult>()
                .Requires(() => Env)
                .Executes(async ct =>
                {
                    var summary = await ClusterSyncing.RunAsync(this, ct);
                    Report("clusters", summary);
                });
}
