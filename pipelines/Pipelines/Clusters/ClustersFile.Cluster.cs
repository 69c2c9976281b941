using System.Text.RegularExpressions;
using Pipelines.Helmfile.Selection;
using Pipelines.Yaml.Records;

namespace Pipelines.Clusters;

internal static partial class ClustersFile
{
    /// <summary>
    /// A cluster as the model holds it. The reader checked each field's type; this checks what the fields mean
    /// together: the name against the convention, a way to reach the cluster, a region, the dates' order.
    /// </summary>
    private static ClusterDefinition ReadCluster(
        RecordFile<ClustersDocument> read,
        string environment,
        string? region,
        ClusterEntry entry
    )
    {
        var name = entry.Name;
        if (name.Length == 0)
        {
            throw read.Problem(entry, "name", $"a cluster of '{environment}' has no name.");
        }
        var version = entry.KubernetesVersion;
        if (!VersionPattern().IsMatch(version))
        {
            throw read.Problem(
                entry,
                "kubernetesVersion",
                $"cluster '{name}': kubernetesVersion '{version}' is not major.minor (quote it: \"1.33\")."
            );
        }
        var expected = ClusterNaming.Name(environment, version, entry.Color);
        if (name != expected)
        {
            throw read.Problem(
                entry,
                "name",
                $"cluster '{name}' should be named '{expected}' (<env>-<major>-<minor>-<color>) for environment {environment}, version {version}, color {entry.Color.ToString().ToLowerInvariant()}."
            );
        }
        if (entry.KubeContext is null && entry.ApiServer is null)
        {
            throw read.Problem(
                entry,
                "name",
                $"cluster '{name}' needs 'kubeContext' (a kubeconfig context) or 'apiServer' (a URL)."
            );
        }
        if (entry.Deadline < entry.Provisioned)
        {
            throw read.Problem(
                entry,
                "deadline",
                $"cluster '{name}': deadline {entry.Deadline:yyyy-MM-dd} is before provisioned {entry.Provisioned:yyyy-MM-dd}."
            );
        }
        return new ClusterDefinition
        {
            Name = name,
            Environment = environment,
            KubernetesVersion = version,
            Region =
                entry.Region
                ?? region
                ?? throw read.Problem(
                    entry,
                    "name",
                    $"cluster '{name}' has no region, and environment '{environment}' sets none."
                ),
            KubeContext = entry.KubeContext,
            ApiServer = entry.ApiServer,
            Color = entry.Color,
            State = entry.State,
            Carries = (entry.Carries ?? []).Select(ReleaseSelector.Parse).ToList(),
            ApiVersions = entry.ApiVersions ?? [],
            Provisioned = entry.Provisioned,
            Deadline =
                entry.Deadline
                ?? entry.Provisioned?.AddDays(ClusterDefinition.DefaultMigrationWindow),
        };
    }

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
