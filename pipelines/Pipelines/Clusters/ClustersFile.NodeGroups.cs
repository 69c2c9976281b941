using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Yaml.Data;

namespace Pipelines.Clusters;

public static partial class ClustersFile
{
    /// <summary>The fields of a node group, in clusters.yaml and in a ClusterConfig's managedNodeGroups alike.</summary>
    internal static readonly string[] NodeGroupFields =
    [
        "name",
        "instanceTypes",
        "minSize",
        "maxSize",
        "desiredCapacity",
        "volumeSize",
        "privateNetworking",
        "spot",
        "labels",
    ];

    /// <summary>
    /// <c>nodeGroups:</c> of an environment: the managed node groups of every cluster ProvisionCluster creates there.
    /// Optional here; ProvisionCluster refuses an environment without any.
    /// </summary>
    private static IReadOnlyList<NodeGroupProfile> ReadNodeGroups(
        string environment,
        Dictionary<string, object?> map,
        string file
    )
    {
        if (!map.TryGetValue("nodeGroups", out var value) || value is null)
        {
            return [];
        }
        if (value is not List<object?> list || list.Count == 0)
        {
            throw Error(
                map,
                "nodeGroups",
                file,
                $"environment '{environment}': nodeGroups must be a non-empty list of node group profiles (name, instanceTypes, minSize, maxSize, desiredCapacity)."
            );
        }
        var profiles = list.Select(item => ReadNodeGroup(environment, item, map, file)).ToList();
        var duplicate = profiles.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Error(
                map,
                "nodeGroups",
                file,
                $"environment '{environment}': node group '{duplicate.Key}' is declared twice; names must be unique."
            );
        }
        return profiles;
    }

    private static NodeGroupProfile ReadNodeGroup(
        string environment,
        object? item,
        Dictionary<string, object?> parent,
        string file
    )
    {
        if (item is not Dictionary<string, object?> map)
        {
            throw Error(
                parent,
                "nodeGroups",
                file,
                $"environment '{environment}': each node group must be a mapping."
            );
        }
        var name = map.GetValueOrDefault("name") as string ?? "";
        var what = $"environment '{environment}', node group '{name}'";
        if (!NodeGroupName().IsMatch(name))
        {
            throw Error(
                map,
                "name",
                file,
                $"environment '{environment}': a node group needs a name of letters, digits and dashes, starting with a letter (got '{name}')."
            );
        }
        var unknown = map.Keys.FirstOrDefault(k => !NodeGroupFields.Contains(k));
        if (unknown is not null)
        {
            throw Error(
                map,
                unknown,
                file,
                $"{what}: unknown field '{unknown}'. Known: {string.Join(", ", NodeGroupFields)}."
            );
        }
        var types = map.GetValueOrDefault("instanceTypes") is List<object?> list
            ? list.Select(t => t as string ?? "").ToList()
            : [];
        if (types.Count == 0 || types.Any(t => t.Length == 0))
        {
            throw Error(
                map,
                "instanceTypes",
                file,
                $"{what}: instanceTypes must be a non-empty list of EC2 instance types, e.g. [m6i.large]."
            );
        }
        var min = Count(map, "minSize", what, file) ?? 1;
        var max = Count(map, "maxSize", what, file) ?? Math.Max(min, 1);
        var desired = Count(map, "desiredCapacity", what, file) ?? min;
        if (!(min <= desired && desired <= max && max > 0))
        {
            throw Error(
                map,
                "desiredCapacity",
                file,
                $"{what}: needs minSize <= desiredCapacity <= maxSize and maxSize > 0 (got {min} <= {desired} <= {max})."
            );
        }
        return new NodeGroupProfile
        {
            Name = name,
            InstanceTypes = types,
            MinSize = min,
            MaxSize = max,
            DesiredCapacity = desired,
            VolumeSize = Count(map, "volumeSize", what, file),
            PrivateNetworking = Flag(map, "privateNetworking", what, file),
            Spot = Flag(map, "spot", what, file),
            Labels = Labels(map, what, file),
        };
    }

    private static int? Count(
        Dictionary<string, object?> map,
        string key,
        string what,
        string file
    ) =>
        map.GetValueOrDefault(key) switch
        {
            null => null,
            long n when n is >= 0 and <= int.MaxValue => (int)n,
            var other => throw Error(
                map,
                key,
                file,
                $"{what}: {key} must be a whole number, not {YamlData.Describe(other)}."
            ),
        };

    private static bool Flag(
        Dictionary<string, object?> map,
        string key,
        string what,
        string file
    ) =>
        map.GetValueOrDefault(key) switch
        {
            null => false,
            bool flag => flag,
            var other => throw Error(
                map,
                key,
                file,
                $"{what}: {key} must be true or false, not {YamlData.Describe(other)}."
            ),
        };

    private static SortedDictionary<string, string> Labels(
        Dictionary<string, object?> map,
        string what,
        string file
    ) =>
        map.GetValueOrDefault("labels") switch
        {
            null => new(StringComparer.Ordinal),
            Dictionary<string, object?> labels => new(
                labels.ToDictionary(
                    p => p.Key,
                    p =>
                        p.Value switch
                        {
                            string text => text,
                            long number => number.ToString(
                                System.Globalization.CultureInfo.InvariantCulture
                            ),
                            bool flag => flag ? "true" : "false",
                            _ => throw Error(
                                labels,
                                p.Key,
                                file,
                                $"{what}: label '{p.Key}' must be a scalar."
                            ),
                        }
                ),
                StringComparer.Ordinal
            ),
            _ => throw Error(map, "labels", file, $"{what}: labels must be a mapping."),
        };

    [GeneratedRegex("^[a-zA-Z][-a-zA-Z0-9]*$")]
    private static partial Regex NodeGroupName();
}
