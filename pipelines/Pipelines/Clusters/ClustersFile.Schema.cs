namespace Pipelines.Clusters;

// The shape of helmfile/clusters.yaml, as RecordReader reads it; ClustersFile checks the meaning and builds the
// model (ClusterEnvironment, ClusterDefinition) from these.

/// <summary>The whole file: the environments in file order.</summary>
internal sealed record ClustersDocument
{
    public required IReadOnlyDictionary<string, EnvironmentEntry> Environments { get; init; }
}

/// <summary>One environment: default region, node group profiles, the pipeline's roles, its clusters.</summary>
internal sealed record EnvironmentEntry
{
    public string? Region { get; init; }
    public IReadOnlyList<NodeGroupEntry>? NodeGroups { get; init; }
    public IamRoleArn? CdRole { get; init; }
    public IamRoleArn? ReadOnlyRole { get; init; }
    public required IReadOnlyList<ClusterEntry> Clusters { get; init; }
}

/// <summary>One cluster, retired ones included.</summary>
internal sealed record ClusterEntry
{
    public required string Name { get; init; }
    public required string KubernetesVersion { get; init; }
    public required ClusterColor Color { get; init; }
    public required ClusterState State { get; init; }
    public string? Region { get; init; }
    public string? KubeContext { get; init; }
    public string? ApiServer { get; init; }
    public IReadOnlyList<string>? Carries { get; init; }
    public IReadOnlyList<string>? ApiVersions { get; init; }
    public DateOnly? Provisioned { get; init; }
    public DateOnly? Deadline { get; init; }
}

/// <summary>
/// A managed node group, in clusters.yaml's <c>nodeGroups</c> and in a ClusterConfig's <c>managedNodeGroups</c>
/// alike (eksctl's field names and order; null fields are left out when written).
/// </summary>
internal sealed record NodeGroupEntry
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> InstanceTypes { get; init; }
    public int? MinSize { get; init; }
    public int? MaxSize { get; init; }
    public int? DesiredCapacity { get; init; }
    public int? VolumeSize { get; init; }
    public bool? PrivateNetworking { get; init; }
    public bool? Spot { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>
    /// The model's profile, with the sizes the caller checked (or defaulted, as clusters.yaml may) and the optional
    /// fields at their defaults: on-demand, public subnets, no labels.
    /// </summary>
    public NodeGroupProfile ToProfile(int minSize, int maxSize, int desiredCapacity) =>
        new()
        {
            Name = Name,
            InstanceTypes = InstanceTypes,
            MinSize = minSize,
            MaxSize = maxSize,
            DesiredCapacity = desiredCapacity,
            VolumeSize = VolumeSize,
            PrivateNetworking = PrivateNetworking ?? false,
            Spot = Spot ?? false,
            Labels = new SortedDictionary<string, string>(
                Labels?.ToDictionary() ?? [],
                StringComparer.Ordinal
            ),
        };
}
