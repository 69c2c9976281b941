using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Clusters;

/// <summary>
/// Names of immutable clusters, <c>&lt;env&gt;-&lt;major&gt;-&lt;minor&gt;-&lt;color&gt;</c>, and the blue/green
/// alternation: a new cluster takes the color its environment's newest cluster does not have.
/// </summary>
internal static partial class ClusterNaming
{
    public static string Name(string environment, string version, ClusterColor color) =>
        $"{environment}-{KubernetesVersion.Parse(version).ToString().Replace('.', '-')}-{color.ToString().ToLowerInvariant()}";

    /// <summary>
    /// The color of the next cluster of an environment: the other one than its newest cluster's (newest by version,
    /// then by provisioning date, live ones before retired). Blue for an environment's first cluster.
    /// </summary>
    public static ClusterColor NextColor(IEnumerable<ClusterDefinition> environmentClusters)
    {
        var newest = environmentClusters
            .OrderByDescending(c => c.IsLive)
            .ThenByDescending(c => KubernetesVersion.Parse(c.KubernetesVersion))
            .ThenByDescending(c => c.Provisioned ?? DateOnly.MinValue)
            .FirstOrDefault();
        return newest?.Color == ClusterColor.Blue ? ClusterColor.Green : ClusterColor.Blue;
    }

    /// <summary>
    /// The color a <c>--name</c> asks for, after checking it follows the convention for the environment and version.
    /// </summary>
    public static ClusterColor ColorOf(string name, string environment, string version)
    {
        var match = Pattern().Match(name);
        var expectedPrefix = $"{environment}-{version.Replace('.', '-')}-";
        if (
            !match.Success
            || !name.StartsWith(expectedPrefix, StringComparison.Ordinal)
            || !Enum.TryParse<ClusterColor>(match.Groups["color"].Value, true, out var color)
        )
        {
            throw new UsageException(
                $"--name {name}: cluster names follow <env>-<major>-<minor>-<color>, so for --env {environment} and "
                    + $"Kubernetes {version} it must be {expectedPrefix}blue or {expectedPrefix}green."
            );
        }
        return color;
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*-\d+-\d+-(?<color>blue|green)$")]
    private static partial Regex Pattern();
}
