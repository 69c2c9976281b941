using Pipelines.Clusters;

/// <summary>
/// The immutable-cluster lifecycle: ProvisionCluster, MigrateApp, ClusterStatus, UpgradeBriefing and RetireCluster,
/// from the IClusterLifecycle component (see pipelines/Pipelines/Clusters/IClusterLifecycle.cs for its parameters).
/// </summary>
partial class Build : IClusterLifecycle;
