using Pipelines.Clusters;
using Pipelines.Sync.Diff;

namespace Pipelines.Sync;

/// <summary>What a sync run should do.</summary>
public sealed record SyncOptions
{
    public bool Check { get; init; }
    public bool Prune { get; init; }
    public bool DryRun { get; init; }

    /// <summary>Force apply conflicts: null means only on objects Sync already tracks for this cluster.</summary>
    public bool? ForceConflicts { get; init; }
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromSeconds(2);
    public string FieldManager { get; init; } = "pipelines";
    public string InventoryNamespace { get; init; } = "kube-system";
    public IReadOnlyList<IgnoreDifferencesRule> IgnoreDifferences { get; init; } = [];

    /// <summary>The per-cluster lease a Sync that changes anything holds (not --check, not --dry-run).</summary>
    public LeaseSettings Lease { get; init; } = new();

    /// <summary>The most a run may prune on one cluster, in percent of the objects Sync tracks there (<c>--max-prune</c>).</summary>
    public int MaxPrune { get; init; } = 50;

    /// <summary>Kinds whose deletion cascades (Namespace, CRD, PV, PVC) that prune may still delete (<c>--prune-kinds</c>).</summary>
    public IReadOnlySet<string> PruneKinds { get; init; } = new HashSet<string>();

    /// <summary>Take over live objects that Sync did not create on this cluster (<c>--adopt</c>).</summary>
    public bool Adopt { get; init; }

    /// <summary>Sync a revision older than (or unrelated to) the one last synced (<c>--allow-rollback</c>).</summary>
    public bool AllowRollback { get; init; }

    /// <summary>The git work tree the render came from: its revision is checked against the one last synced, then recorded. Null: neither.</summary>
    public string? GitWorkTree { get; init; }
}

/// <summary>Argo CD's sync statuses.</summary>
internal enum SyncStatus
{
    Synced,
    OutOfSync,

    /// <summary>Desired, not in the cluster.</summary>
    Missing,

    /// <summary>Tracked by Sync on this cluster, no longer desired (pruned with <c>--prune</c>).</summary>
    Extraneous,

    /// <summary>A dry run could not reach the cluster: the plan is shown against an unknown live state.</summary>
    Unknown,

    /// <summary>Live, but not created by Sync on this cluster: left unchanged unless <c>--adopt</c>.</summary>
    NotManaged,
}

/// <summary>One object's line in the report.</summary>
internal sealed record ObjectReport(
    string Group,
    string Kind,
    string? Namespace,
    string Name,
    string Release,
    SyncStatus Status,
    Health? Health,
    string Message,
    IReadOnlyList<string> ChangedPaths,
    string Diff
);

/// <summary>One cluster's result: its objects, or the error that stopped it.</summary>
internal sealed record ClusterReport(
    ClusterDefinition Cluster,
    IReadOnlyList<ObjectReport> Objects,
    string? Error
)
{
    public bool Failed => Error is not null || Objects.Any(o => o.Health == Sync.Health.Degraded);
    public bool InSync => Error is null && Objects.All(o => o.Status == SyncStatus.Synced);

    /// <summary>Set when a dry run planned against an unknown live state, and why.</summary>
    public string? Unreachable { get; init; }
}
