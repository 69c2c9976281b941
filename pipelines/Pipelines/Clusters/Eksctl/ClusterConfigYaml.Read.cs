using Pipelines.Yaml.Records;

namespace Pipelines.Clusters.Eksctl;

internal static partial class ClusterConfigYaml
{
    /// <summary>
    /// Reads a ClusterConfig this class wrote (or one written by hand in the same shape). Fields outside the model are
    /// an error naming them, rather than being dropped on the next write.
    /// </summary>
    public static EksClusterConfig Read(string text, string file)
    {
        var read = RecordReader.Read<ClusterConfigDocument>(text, file);
        var document = read.Root;
        Expect(read, document, "apiVersion", document.ApiVersion, EksClusterConfig.ApiVersion);
        Expect(read, document, "kind", document.Kind, EksClusterConfig.Kind);
        return new EksClusterConfig
        {
            Metadata = document.Metadata with { Tags = Sorted(document.Metadata.Tags) },
            WithOidc = document.Iam.WithOidc,
            AccessEntries = document.AccessConfig?.AccessEntries ?? [],
            ManagedNodeGroups = (document.ManagedNodeGroups ?? [])
                .Select(g => NodeGroup(read, g))
                .ToList(),
            Addons = (document.Addons ?? [])
                .Select(a => new EksAddon(
                    a.Name,
                    a.WellKnownPolicies?.Where(p => p.Value).Select(p => p.Key).ToList() ?? []
                ))
                .ToList(),
        };
    }

    private static void Expect(
        RecordFile<ClusterConfigDocument> read,
        ClusterConfigDocument document,
        string field,
        string value,
        string expected
    )
    {
        if (value != expected)
        {
            throw read.Problem(document, field, $"{field} must be {expected}, not '{value}'.");
        }
    }

    /// <summary>A node group as eksctl needs it: unlike clusters.yaml, a ClusterConfig states every size.</summary>
    private static NodeGroupProfile NodeGroup(
        RecordFile<ClusterConfigDocument> read,
        NodeGroupEntry group
    )
    {
        int Size(int? value, string field) =>
            value
            ?? throw read.Problem(
                group,
                $"node group '{group.Name}': required field '{field}' is missing; add it: a whole number."
            );
        return group.ToProfile(
            Size(group.MinSize, "minSize"),
            Size(group.MaxSize, "maxSize"),
            Size(group.DesiredCapacity, "desiredCapacity")
        );
    }
}
