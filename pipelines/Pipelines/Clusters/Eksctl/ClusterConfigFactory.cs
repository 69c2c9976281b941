using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Clusters.Eksctl;

/// <summary>The ClusterConfig of a new cluster, from its environment's profile in clusters.yaml.</summary>
internal static class ClusterConfigFactory
{
    /// <summary>The add-ons every cluster gets: networking, DNS, kube-proxy and EBS volumes (with its IAM policy).</summary>
    public static IReadOnlyList<EksAddon> CoreAddons { get; } =
    [
        new("vpc-cni"),
        new("coredns"),
        new("kube-proxy"),
        new("aws-ebs-csi-driver", ["ebsCSIController"]),
    ];

    public static EksClusterConfig Create(
        ClusterEnvironment environment,
        string name,
        string region,
        string version,
        ClusterColor color
    )
    {
        if (environment.NodeGroups.Count == 0)
        {
            throw new UsageException(
                $"Environment '{environment.Name}' has no nodeGroups in {ClustersFile.DefaultPath}: add the node group "
                    + "profile its clusters get, e.g.\n"
                    + "    nodeGroups:\n"
                    + "      - name: general\n"
                    + "        instanceTypes: [m6i.large]\n"
                    + "        minSize: 2\n"
                    + "        maxSize: 4\n"
                    + "        desiredCapacity: 2"
            );
        }
        return new EksClusterConfig
        {
            Metadata = new EksMetadata
            {
                Name = name,
                Region = region,
                Version = version,
                Tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["environment"] = environment.Name,
                    ["color"] = color.ToString().ToLowerInvariant(),
                    ["managed-by"] = "pipelines",
                },
            },
            WithOidc = true,
            ManagedNodeGroups = environment.NodeGroups,
            Addons = CoreAddons,
            AccessEntries = AccessEntries(environment),
        };
    }

    /// <summary>The pipeline's roles, each mapped to the group its bootstrap RBAC binds.</summary>
    private static IReadOnlyList<EksAccessEntry> AccessEntries(ClusterEnvironment environment) =>
        [
            .. AccessEntry(environment.CdRole, CdBootstrap.Cd),
            .. AccessEntry(environment.ReadOnlyRole, CdBootstrap.ReadOnly),
        ];

    private static IEnumerable<EksAccessEntry> AccessEntry(string? principal, BootstrapRole role) =>
        principal is null
            ? []
            : [new EksAccessEntry { PrincipalArn = principal, KubernetesGroups = [role.Group] }];
}
