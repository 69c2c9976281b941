using Pipelines.Engine;
using Pipelines.Text;

namespace Pipelines.Sync;

/// <summary>The report per cluster: GROUP KIND NAMESPACE NAME STATUS HEALTH MESSAGE, with counts; Markdown for GitHub.</summary>
internal static class SyncReportWriter
{
    public static IEnumerable<string> Text(ClusterReport report)
    {
        var header = $"{report.Cluster.Name} (Kubernetes {report.Cluster.KubernetesVersion})";
        if (report.Error is not null)
        {
            // A cluster that failed on the way still shows what it compared and did.
            yield return $"{header}: FAILED: {report.Error}";
            if (report.Objects.Count == 0)
            {
                yield break;
            }
        }
        else
        {
            yield return $"{header}: {Counts(report)}";
        }
        foreach (var line in Table(report, Titles).Text())
        {
            yield return line;
        }
    }

    public static IEnumerable<string> Markdown(ClusterReport report)
    {
        yield return $"### {report.Cluster.Name} (Kubernetes {report.Cluster.KubernetesVersion}): {(report.Error is null ? Counts(report) : "failed")}";
        if (report.Error is not null)
        {
            yield return "";
            yield return report.Error;
            if (report.Objects.Count == 0)
            {
                yield break;
            }
        }
        yield return "";
        foreach (var line in Table(report, Titles.Select(Capitalized).ToList()).Markdown())
        {
            yield return line;
        }
        foreach (var o in report.Objects.Where(o => o.Diff.Length > 0))
        {
            yield return "";
            yield return $"<details><summary>{o.Kind} {o.Namespace}/{o.Name}: {string.Join(", ", o.ChangedPaths)}</summary>";
            yield return "";
            yield return "```diff";
            yield return o.Diff.TrimEnd('\n');
            yield return "```";
            yield return "</details>";
        }
    }

    public static string Counts(ClusterReport report) =>
        string.Join(
            ", ",
            report
                .Objects.GroupBy(o => o.Status)
                .OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {g.Key}")
        )
        + (
            report.Objects.Any(o => o.Health == Health.Degraded)
                ? $", {report.Objects.Count(o => o.Health == Health.Degraded)} Degraded"
                : ""
        );

    private static readonly string[] Titles =
    [
        "GROUP",
        "KIND",
        "NAMESPACE",
        "NAME",
        "STATUS",
        "HEALTH",
        "MESSAGE",
    ];

    // kubectl's upper-case titles on the console, "Namespace" in the Markdown table.
    private static string Capitalized(string title) => title[0] + title[1..].ToLowerInvariant();

    private static TextTable Table(ClusterReport report, IReadOnlyList<string> titles) =>
        TextTable.Of(
            titles,
            report
                .Objects.Select(o =>
                    (IReadOnlyList<string>)
                        [
                            o.Group.Length == 0 ? "core" : o.Group,
                            o.Kind,
                            o.Namespace ?? "",
                            o.Name,
                            o.Status.ToString(),
                            o.Health?.ToString() ?? "",
                            o.Message,
                        ]
                )
                .ToList()
        ) with
        {
            Rule = TableRule.None,
        };
}
