using YamlDotNet.Serialization;

namespace Pipelines.Clusters.Eksctl;

/// <summary>
/// The part of eksctl's <c>ClusterConfig</c> (<c>eksctl.io/v1alpha5</c>) ProvisionCluster writes: name, region and
/// version; the IAM OIDC provider (IRSA); managed node groups; the four core add-ons; tags naming environment and
/// color; and, when the environment names its CD role, an access entry for it. Serialised by
/// <see cref="ClusterConfigYaml"/>, deterministically.
/// </summary>
internal sealed record EksClusterConfig
{
    public const string ApiVersion = "eksctl.io/v1alpha5";
    public const string Kind = "ClusterConfig";

    public required EksMetadata Metadata { get; init; }

    /// <summary><c>iam.withOIDC</c>: the IAM OIDC provider, so add-ons and apps get IAM roles for service accounts.</summary>
    public bool WithOidc { get; init; } = true;

    public IReadOnlyList<NodeGroupProfile> ManagedNodeGroups { get; init; } = [];

    public IReadOnlyList<EksAddon> Addons { get; init; } = [];

    /// <summary><c>accessConfig.accessEntries</c>; with any, the authentication mode is <c>API_AND_CONFIG_MAP</c>.</summary>
    public IReadOnlyList<EksAccessEntry> AccessEntries { get; init; } = [];
}

/// <summary><c>metadata</c>: the cluster's name, region, Kubernetes version and AWS tags (sorted by key).</summary>
internal sealed record EksMetadata
{
    public required string Name { get; init; }
    public required string Region { get; init; }
    public required string Version { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>An EKS add-on, with the eksctl well-known IAM policies its service account gets (IRSA).</summary>
internal sealed record EksAddon(string Name, IReadOnlyList<string> WellKnownPolicies)
{
    public EksAddon(string name)
        : this(name, []) { }
}

/// <summary>An IAM principal given access to the cluster, as members of Kubernetes groups.</summary>
internal sealed record EksAccessEntry
{
    [YamlMember(Alias = "principalARN")]
    public required string PrincipalArn { get; init; }
    public required IReadOnlyList<string> KubernetesGroups { get; init; }
}
