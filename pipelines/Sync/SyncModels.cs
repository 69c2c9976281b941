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
}

/// <summary>Argo CD's sync statuses.</summary>
public enum SyncStatus
{
    Synced,
    OutOfSync,

    /// <summary>Desired, not in the cluster.</summary>
    Missing,

    /// <summary>Tracked by Sync on this cluster, no longer desired (pruned with <c>--prune</c>).</summary>
    Extraneous,

    /// <summary>A dry run could not reach the cluster: the plan is shown against an unknown live state.</summary>
    Unknown,
}

/// <summary>One object's line in the report.</summary>
public sealed record ObjectReport(
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
public sealed record ClusterReport(
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
