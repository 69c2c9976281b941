using YamlDotNet.Serialization;

namespace Pipelines.Clusters.Eksctl;

// The part of eksctl's ClusterConfig file ProvisionCluster writes and reads back, in eksctl's field names and
// order: ClusterConfigYaml serialises these with YamlDotNet and reads them with RecordReader.

/// <summary>The whole ClusterConfig file.</summary>
internal sealed record ClusterConfigDocument
{
    public required string ApiVersion { get; init; }
    public required string Kind { get; init; }
    public required MetadataEntry Metadata { get; init; }
    public required IamEntry Iam { get; init; }
    public AccessConfigEntry? AccessConfig { get; init; }
    public IReadOnlyList<NodeGroupEntry>? ManagedNodeGroups { get; init; }
    public IReadOnlyList<AddonEntry>? Addons { get; init; }
}

/// <summary><c>metadata</c>: name, region, Kubernetes version and AWS tags.</summary>
internal sealed record MetadataEntry
{
    public required string Name { get; init; }
    public required string Region { get; init; }
    public required string Version { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary><c>iam</c>: only whether eksctl creates the IAM OIDC provider.</summary>
internal sealed record IamEntry
{
    [YamlMember(Alias = "withOIDC")]
    public required bool WithOidc { get; init; }
}

/// <summary><c>accessConfig</c>: the authentication mode and the access entries.</summary>
internal sealed record AccessConfigEntry
{
    public string? AuthenticationMode { get; init; }
    public IReadOnlyList<AccessEntryEntry>? AccessEntries { get; init; }
}

/// <summary>One access entry: an IAM principal as members of Kubernetes groups.</summary>
internal sealed record AccessEntryEntry
{
    [YamlMember(Alias = "principalARN")]
    public required string PrincipalArn { get; init; }
    public required IReadOnlyList<string> KubernetesGroups { get; init; }
}

/// <summary>One add-on, with the well-known IAM policies its service account gets.</summary>
internal sealed record AddonEntry
{
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, bool>? WellKnownPolicies { get; init; }
}
