using Pipelines.Helmfile.Manifests;

namespace Pipelines.Clusters.Briefing;

/// <summary>The briefing as Markdown: one section per app, for SRE to hand to the app teams.</summary>
internal static class BriefingWriter
{
    public static string Markdown(UpgradeBriefingReport report)
    {
        var target = report.Target;
        var lines = new List<string>
        {
            $"# Kubernetes {report.Version} in {report.Environment}: what changes for each app",
            "",
            report.Provisioned
                ? $"The new cluster is **{target.Name}** (Kubernetes {report.Version})."
                : $"The new cluster will be **{target.Name}** (Kubernetes {report.Version}), not provisioned yet: "
                    + $"`./build.sh ProvisionCluster --env {report.Environment} --kube-version {report.Version}`.",
            report.Support is { } support
                ? $"EKS standard support for {report.Version} ends {support.EndOfStandardSupport:yyyy-MM-dd} "
                    + "(Amazon EKS Kubernetes release calendar)."
                : $"EKS support dates for {report.Version} are unknown: it is newer than the EKS calendar this run read.",
            "",
            Deadline(report),
            "",
        };
        foreach (var app in report.Apps)
        {
            lines.AddRange(App(report, app));
        }
        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }

    private static string Deadline(UpgradeBriefingReport report) =>
        report.Target.Deadline is { } deadline
            ? $"**Migration deadline: {deadline:yyyy-MM-dd}.** Every app should run on {report.Target.Name} by then."
            : "**Migration deadline:** set when the cluster is provisioned (`--deadline`, default six weeks later).";

    private static IEnumerable<string> App(UpgradeBriefingReport report, AppBriefing app)
    {
        var name = app.App.Name;
        yield return $"## {name}{(app.App.IsManagement ? " (management, SRE)" : "")}";
        yield return "";
        yield return app.From is { } from
            ? $"Runs on {from.Name} (Kubernetes {from.KubernetesVersion}); releases: {string.Join(", ", app.App.Releases.Select(r => r.Name))}."
            : $"Already runs at Kubernetes {report.Version} or newer; nothing to move.";
        yield return "";
        yield return "### Removed APIs";
        yield return "";
        if (app.Removed.Count == 0)
        {
            yield return $"None: every object renders with APIs Kubernetes {report.Version} serves.";
        }
        foreach (var finding in app.Removed)
        {
            yield return $"- **blocks the move**: {RemovedApiCheck.Describe(finding)}";
        }
        yield return "";
        yield return "### Deprecated APIs";
        yield return "";
        if (app.Deprecated.Count == 0)
        {
            yield return "None known (the removal table: pipelines/Pipelines/Helmfile/Manifests/RemovedApis.Table.cs).";
        }
        foreach (var use in app.Deprecated)
        {
            var advice = use.Replacement.Contains(' ', StringComparison.Ordinal)
                ? use.Replacement
                : $"use {use.Replacement}";
            yield return $"- release {use.Release}: {use.Kind} {use.Name} uses {use.ApiVersion}, removed in {use.RemovedIn}; {advice}";
        }
        yield return "";
        if (app.From is not null)
        {
            yield return $"### Rendered manifests, {app.From.KubernetesVersion} → {report.Version}";
            yield return "";
            if (app.Diff.Length == 0)
            {
                yield return "No difference.";
            }
            else
            {
                yield return "```diff";
                yield return app.Diff.TrimEnd('\n');
                yield return "```";
            }
            yield return "";
        }
        if (app.From is not null && !app.App.IsManagement)
        {
            yield return "### To move";
            yield return "";
            yield return "```";
            yield return $"./build.sh MigrateApp --env {report.Environment} --app {name} --to {report.Target.Name}";
            yield return $"./build.sh Sync --env {report.Environment} --prune";
            yield return "```";
            yield return "";
            yield return $"Add `--keep-on-old` to MigrateApp to run on both clusters for a while; a later MigrateApp without it takes {name} off {app.From.Name}.";
            yield return "";
        }
    }
}
