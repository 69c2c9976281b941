namespace Pipelines.Clusters;

/// <summary>
/// One environment of <c>helmfile/clusters.yaml</c>: its default region, the node groups every new cluster of the
/// environment gets, the IAM roles of its CD pipeline and of its read-only jobs, and its clusters (retired ones included, for history).
/// </summary>
public sealed record ClusterEnvironment
{
    public required string Name { get; init; }
    public string? Region { get; init; }

    /// <summary>The managed node groups ProvisionCluster writes into each new cluster's ClusterConfig.</summary>
    public IReadOnlyList<NodeGroupProfile> NodeGroups { get; init; } = [];

    /// <summary>
    /// The IAM role the generated CD workflow assumes (<c>cdRole:</c>); when set, each new cluster gets an EKS access
    /// entry mapping it to the Kubernetes group the bootstrap RBAC binds (<see cref="CdBootstrap.Cd"/>).
    /// </summary>
    public string? CdRole { get; init; }

    /// <summary>
    /// The IAM role of the read-only jobs, drift and plans (<c>readOnlyRole:</c>); when set, each new cluster gets an
    /// EKS access entry mapping it to the group of <see cref="CdBootstrap.ReadOnly"/>, which may get, list and watch only.
    /// </summary>
    public string? ReadOnlyRole { get; init; }

    public IReadOnlyList<ClusterDefinition> Clusters { get; init; } = [];

    /// <summary>Active and draining clusters: those that count against the two-cluster limit.</summary>
    public IReadOnlyList<ClusterDefinition> Live => Clusters.Where(c => c.IsLive).ToList();
}

/// <summary>A managed node group profile, as eksctl's <c>managedNodeGroups</c> entry takes it.</summary>
public sealed record NodeGroupProfile
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> InstanceTypes { get; init; }
    public required int MinSize { get; init; }
    public required int MaxSize { get; init; }
    public required int DesiredCapacity { get; init; }

    /// <summary>Root volume in GiB; eksctl's default (80) when null.</summary>
    public int? VolumeSize { get; init; }

    /// <summary>Nodes in private subnets only.</summary>
    public bool PrivateNetworking { get; init; }

    /// <summary>Spot capacity instead of on-demand.</summary>
    public bool Spot { get; init; }

    /// <summary>Kubernetes labels on the nodes, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new SortedDictionary<string, string>(StringComparer.Ordinal);
}
