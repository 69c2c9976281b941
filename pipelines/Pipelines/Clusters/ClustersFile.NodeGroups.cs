using System.Text.RegularExpressions;
using Pipelines.Yaml.Records;

namespace Pipelines.Clusters;

internal static partial class ClustersFile
{
    /// <summary>
    /// <c>nodeGroups:</c> of an environment: the managed node groups of every cluster ProvisionCluster creates there.
    /// Optional here; ProvisionCluster refuses an environment without any.
    /// </summary>
    private static IReadOnlyList<NodeGroupProfile> ReadNodeGroups(
        RecordFile<ClustersDocument> read,
        string environment,
        EnvironmentEntry entry
    )
    {
        if (entry.NodeGroups is not { } groups)
        {
            return [];
        }
        if (groups.Count == 0)
        {
            throw read.Problem(
                entry,
                "nodeGroups",
                $"environment '{environment}': nodeGroups must be a non-empty list of node group profiles (name, instanceTypes, minSize, maxSize, desiredCapacity)."
            );
        }
        var profiles = groups.Select(group => ReadNodeGroup(read, environment, group)).ToList();
        var duplicate = groups.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw read.Problem(
                duplicate.Last(),
                "name",
                $"environment '{environment}': node group '{duplicate.Key}' is declared twice; names must be unique."
            );
        }
        return profiles;
    }

    private static NodeGroupProfile ReadNodeGroup(
        RecordFile<ClustersDocument> read,
        string environment,
        NodeGroupEntry group
    )
    {
        var what = $"environment '{environment}', node group '{group.Name}'";
        if (!NodeGroupName().IsMatch(group.Name))
        {
            throw read.Problem(
                group,
                "name",
                $"environment '{environment}': a node group needs a name of letters, digits and dashes, starting with a letter (got '{group.Name}')."
            );
        }
        if (group.InstanceTypes.Count == 0 || group.InstanceTypes.Any(t => t.Length == 0))
        {
            throw read.Problem(
                group,
                "instanceTypes",
                $"{what}: instanceTypes must be a non-empty list of EC2 instance types, e.g. [m6i.large]."
            );
        }
        var negative = new[]
        {
            ("minSize", group.MinSize),
            ("maxSize", group.MaxSize),
            ("desiredCapacity", group.DesiredCapacity),
            ("volumeSize", group.VolumeSize),
        }.FirstOrDefault(f => f.Item2 < 0);
        if (negative.Item1 is { } field)
        {
            throw read.Problem(
                group,
                field,
                $"{what}: {field} must be a whole number of 0 or more, not {negative.Item2}."
            );
        }
        var min = group.MinSize ?? 1;
        var max = group.MaxSize ?? Math.Max(min, 1);
        var desired = group.DesiredCapacity ?? min;
        if (!(min <= desired && desired <= max && max > 0))
        {
            throw read.Problem(
                group,
                "desiredCapacity",
                $"{what}: needs minSize <= desiredCapacity <= maxSize and maxSize > 0 (got {min} <= {desired} <= {max})."
            );
        }
        return group.ToProfile(min, max, desired);
    }

    [GeneratedRegex("^[a-zA-Z][-a-zA-Z0-9]*$")]
    private static partial Regex NodeGroupName();
}
