using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipelines.Clusters.Eksctl;

/// <summary>
/// Writes an <see cref="EksClusterConfig"/> as eksctl reads it, and reads back what it wrote. Keys come in a fixed
/// order, maps sorted, strings quoted where YAML would take them for numbers (<c>version: "1.30"</c> must stay
/// a string), so one model is always the same bytes.
/// </summary>
internal static partial class ClusterConfigYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .DisableAliases()
        .Build();

    /// <summary>The YAML file, with a header saying what wrote it and how to use it.</summary>
    public static string Write(EksClusterConfig config, string relativePath) =>
        $"# eksctl ClusterConfig of {config.Metadata.Name}, written by ProvisionCluster from helmfile/clusters.yaml.\n"
        + $"# Create: eksctl create cluster -f {relativePath}\n"
        + Serializer.Serialize(ToDocument(config));

    /// <summary>The model in the file's shape; optional parts absent (null) rather than empty.</summary>
    private static ClusterConfigDocument ToDocument(EksClusterConfig config) =>
        new()
        {
            ApiVersion = EksClusterConfig.ApiVersion,
            Kind = EksClusterConfig.Kind,
            Metadata = config.Metadata with { Tags = Sorted(config.Metadata.Tags) },
            Iam = new IamEntry { WithOidc = config.WithOidc },
            AccessConfig =
                config.AccessEntries.Count == 0
                    ? null
                    : new AccessConfigEntry
                    {
                        AuthenticationMode = "API_AND_CONFIG_MAP",
                        AccessEntries = config.AccessEntries,
                    },
            ManagedNodeGroups = config.ManagedNodeGroups.Select(NodeGroup).ToList(),
            Addons = config
                .Addons.Select(a => new AddonEntry
                {
                    Name = a.Name,
                    WellKnownPolicies =
                        a.WellKnownPolicies.Count == 0
                            ? null
                            : new SortedDictionary<string, bool>(
                                a.WellKnownPolicies.ToDictionary(p => p, _ => true),
                                StringComparer.Ordinal
                            ),
                })
                .ToList(),
        };

    private static NodeGroupEntry NodeGroup(NodeGroupProfile group) =>
        new()
        {
            Name = group.Name,
            InstanceTypes = group.InstanceTypes,
            MinSize = group.MinSize,
            MaxSize = group.MaxSize,
            DesiredCapacity = group.DesiredCapacity,
            VolumeSize = group.VolumeSize,
            PrivateNetworking = group.PrivateNetworking ? true : null,
            Spot = group.Spot ? true : null,
            Labels = group.Labels.Count == 0 ? null : Sorted(group.Labels),
        };

    private static SortedDictionary<string, string> Sorted(
        IReadOnlyDictionary<string, string> map
    ) => new(map.ToDictionary(), StringComparer.Ordinal);
}
