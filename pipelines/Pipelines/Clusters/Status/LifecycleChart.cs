using System.Globalization;

namespace Pipelines.Clusters.Status;

/// <summary>
/// An environment's cluster lifecycle as a Mermaid gantt chart, one section per cluster: when it was provisioned,
/// its migration deadline, and its EKS standard and extended support. People read a timeline faster than dates;
/// GitHub renders the chart in the job summary and in any Markdown file.
/// </summary>
internal static class LifecycleChart
{
    /// <summary>The chart's Mermaid text (without the code fence).</summary>
    public static IEnumerable<string> Mermaid(EnvironmentStatus status)
    {
        yield return "gantt";
        yield return $"    title Clusters of {status.Environment} (as of {Day(status.Today)})";
        yield return "    dateFormat YYYY-MM-DD";
        yield return "    axisFormat %Y-%m";
        var index = 0;
        foreach (var row in status.Clusters)
        {
            index++;
            var cluster = row.Cluster;
            yield return $"    section {cluster.Name} ({cluster.KubernetesVersion}, {cluster.State.ToString().ToLowerInvariant()})";
            if (cluster.Provisioned is { } provisioned)
            {
                yield return $"    Provisioned :milestone, c{index}p, {Day(provisioned)}, 0d";
            }
            if (cluster.Deadline is { } deadline)
            {
                yield return $"    Migration deadline :milestone, crit, c{index}d, {Day(deadline)}, 0d";
            }
            if (row.Support is not { } support)
            {
                continue;
            }
            // A bar starts when the cluster existed: its provisioning day, else the version's EKS release.
            var start = cluster.Provisioned ?? support.EksRelease;
            if (start < support.EndOfStandardSupport)
            {
                yield return $"    Standard support :c{index}s, {Day(start)}, {Day(support.EndOfStandardSupport)}";
            }
            var extended =
                start > support.EndOfStandardSupport ? start : support.EndOfStandardSupport;
            if (extended < support.EndOfExtendedSupport)
            {
                yield return $"    Extended support (extra cost) :crit, c{index}e, {Day(extended)}, {Day(support.EndOfExtendedSupport)}";
            }
        }
    }

    /// <summary>The chart in a Markdown code fence, as GitHub renders it.</summary>
    public static IEnumerable<string> Markdown(EnvironmentStatus status) =>
        ["```mermaid", .. Mermaid(status), "```"];

    private static string Day(DateOnly day) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
