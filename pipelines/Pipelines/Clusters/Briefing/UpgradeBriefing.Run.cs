using Pipelines.Engine;

namespace Pipelines.Clusters.Briefing;

internal static partial class UpgradeBriefing
{
    /// <summary>What the UpgradeBriefing target does: build the briefing, write it (atomically), summarise it.</summary>
    public static async Task<(UpgradeBriefingReport Report, AbsolutePath Path)> RunAsync(
        string environment,
        string? version,
        AbsolutePath? output,
        ClusterLifecycleSettings settings,
        AbsolutePath temporaryDirectory,
        CancellationToken cancellationToken
    )
    {
        var report = await BuildAsync(environment, version, settings, cancellationToken);
        // The briefing is handed to app teams: a resolved ref+ value rendered into a manifest stays masked in it.
        var markdown = Log.Mask(BriefingWriter.Markdown(report));
        var path =
            output
            ?? temporaryDirectory / $"upgrade-briefing-{report.Environment}-{report.Version}.md";
        await AtomicFile.WriteAllTextAsync(path, markdown, cancellationToken);
        foreach (var app in report.Apps)
        {
            Log.Info(
                $"{app.App.Name}: "
                    + (app.From is null ? $"already at {report.Version}" : $"from {app.From.Name}")
                    + $", {app.Removed.Count} removed API use(s), {app.Deprecated.Count} deprecated, "
                    + (
                        app.Diff.Length == 0
                            ? "no manifest change"
                            : $"{app.Diff.Split('\n').Count(l => l.StartsWith('+') || l.StartsWith('-'))} changed line(s)"
                    )
            );
        }
        Log.Info($"Briefing written to {path}");
        Log.StepSummary(markdown);
        return (report, path);
    }
}
