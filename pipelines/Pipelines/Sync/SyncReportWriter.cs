using Pipelines.Engine;

namespace Pipelines.Sync;

/// <summary>The report per cluster: GROUP KIND NAMESPACE NAME STATUS HEALTH MESSAGE, with counts; Markdown for GitHub.</summary>
public static class SyncReportWriter
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
        var rows = report
            .Objects.Select(o =>
                new[]
                {
                    o.Group.Length == 0 ? "core" : o.Group,
                    o.Kind,
                    o.Namespace ?? "",
                    o.Name,
                    o.Status.ToString(),
                    o.Health?.ToString() ?? "",
                    o.Message,
                }
            )
            .ToList();
        var titles = new[] { "GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "MESSAGE" };
        var widths = titles
            .Select((t, i) => rows.Select(r => r[i].Length).Append(t.Length).Max())
            .ToArray();
        if (report.Error is null)
        {
            yield return $"{header}: {Counts(report)}";
        }
        yield return Line(titles, widths);
        foreach (var row in rows)
        {
            yield return Line(row, widths);
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
        yield return "| Group | Kind | Namespace | Name | Status | Health | Message |";
        yield return "|---|---|---|---|---|---|---|";
        foreach (var o in report.Objects)
        {
            yield return $"| {(o.Group.Length == 0 ? "core" : o.Group)} | {o.Kind} | {o.Namespace} | {o.Name} | {o.Status} | {o.Health} | {o.Message.Replace("|", "\\|")} |";
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

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
