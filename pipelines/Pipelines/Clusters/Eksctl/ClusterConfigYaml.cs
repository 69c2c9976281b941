using YamlDotNet.Serialization;

namespace Pipelines.Clusters.Eksctl;

/// <summary>
/// Writes an <see cref="EksClusterConfig"/> as eksctl reads it, and reads back what it wrote. Keys come in a fixed
/// order, maps sorted, strings quoted where YAML would take them for numbers (<c>version: "1.30"</c> must stay
/// a string), so one model is always the same bytes.
/// </summary>
public static partial class ClusterConfigYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .DisableAliases()
        .Build();

    /// <summary>The YAML file, with a header saying what wrote it and how to use it.</summary>
    public static string Write(EksClusterConfig config, string relativePath) =>
        $"# eksctl ClusterConfig of {config.Metadata.Name}, written by ProvisionCluster from helmfile/clusters.yaml.\n"
        + $"# Create: eksctl create cluster -f {relativePath}\n"
        + Serializer.Serialize(ToData(config));

    /// <summary>The model as plain data in eksctl's field names and order (also what the JSON schema checks).</summary>
    public static Dictionary<string, object?> ToData(EksClusterConfig config)
    {
        var data = new Dictionary<string, object?>
        {
            ["apiVersion"] = EksClusterConfig.ApiVersion,
            ["kind"] = EksClusterConfig.Kind,
            ["metadata"] = new Dictionary<string, object?>
            {
                ["name"] = config.Metadata.Name,
                ["region"] = config.Metadata.Region,
                ["version"] = config.Metadata.Version,
                ["tags"] = Sorted(config.Metadata.Tags),
            },
            ["iam"] = new Dictionary<string, object?> { ["withOIDC"] = config.WithOidc },
        };
        if (config.AccessEntries.Count > 0)
        {
            data["accessConfig"] = new Dictionary<string, object?>
            {
                ["authenticationMode"] = "API_AND_CONFIG_MAP",
                ["accessEntries"] = config
                    .AccessEntries.Select(e => new Dictionary<string, object?>
                    {
                        ["principalARN"] = e.PrincipalArn,
                        ["kubernetesGroups"] = e.KubernetesGroups.ToList<object?>(),
                    })
                    .ToList<object?>(),
            };
        }
        data["managedNodeGroups"] = config.ManagedNodeGroups.Select(NodeGroup).ToList<object?>();
        data["addons"] = config.Addons.Select(Addon).ToList<object?>();
        return data;
    }

    private static Dictionary<string, object?> NodeGroup(NodeGroupProfile group)
    {
        var data = new Dictionary<string, object?>
        {
            ["name"] = group.Name,
            ["instanceTypes"] = group.InstanceTypes.ToList<object?>(),
            ["minSize"] = group.MinSize,
            ["maxSize"] = group.MaxSize,
            ["desiredCapacity"] = group.DesiredCapacity,
        };
        if (group.VolumeSize is { } size)
        {
            data["volumeSize"] = size;
        }
        if (group.PrivateNetworking)
        {
            data["privateNetworking"] = true;
        }
        if (group.Spot)
        {
            data["spot"] = true;
        }
        if (group.Labels.Count > 0)
        {
            data["labels"] = Sorted(group.Labels);
        }
        return data;
    }

    private static Dictionary<string, object?> Addon(EksAddon addon)
    {
        var data = new Dictionary<string, object?> { ["name"] = addon.Name };
        if (addon.WellKnownPolicies.Count > 0)
        {
            data["wellKnownPolicies"] = addon
                .WellKnownPolicies.Order(StringComparer.Ordinal)
                .ToDictionary(p => p, object? (_) => true);
        }
        return data;
    }

    private static Dictionary<string, object?> Sorted(IReadOnlyDictionary<string, string> map) =>
        map.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, object? (p) => p.Value);
}
