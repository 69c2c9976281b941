using YamlDotNet.Serialization;

namespace Pipelines.Clusters.Eksctl;

// The part of eksctl's ClusterConfig file ProvisionCluster writes and reads back, in eksctl's field names and
// order: ClusterConfigYaml serialises these with YamlDotNet and reads them with RecordReader. Where the file's shape
// is the model's (metadata, an access entry), the model's record serves both.

/// <summary>The whole ClusterConfig file.</summary>
internal sealed record ClusterConfigDocument
{
    public required string ApiVersion { get; init; }
    public required string Kind { get; init; }
    public required EksMetadata Metadata { get; init; }
    public required IamEntry Iam { get; init; }
    public AccessConfigEntry? AccessConfig { get; init; }
    public IReadOnlyList<NodeGroupEntry>? ManagedNodeGroups { get; init; }
    public IReadOnlyList<AddonEntry>? Addons { get; init; }
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
    public IReadOnlyList<EksAccessEntry>? AccessEntries { get; init; }
}

/// <summary>One add-on, with the well-known IAM policies its service account gets.</summary>
internal sealed record AddonEntry
{
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, bool>? WellKnownPolicies { get; init; }
}
