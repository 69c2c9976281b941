using Pipelines.Engine;

namespace Pipelines.Clusters.Status;

/// <summary>What the ClusterStatus target does: build, print and summarise the status of one or every environment.</summary>
public static class ClusterStatusing
{
    public static IReadOnlyList<EnvironmentStatus> Run(
        string? environment,
        ClusterLifecycleSettings settings
    )
    {
        var environments = settings.LoadEnvironments();
        if (environment is not null && environments.All(e => e.Name != environment))
        {
            throw new UsageException(
                $"--env {environment}: {settings.RelativeClustersFile} declares no such environment. Environments: "
                    + string.Join(", ", environments.Select(e => e.Name))
                    + "."
            );
        }
        var statuses = environments
            .Where(e => environment is null || e.Name == environment)
            .Select(e =>
                ClusterStatusReport.Build(
                    e,
                    AppCatalog.Load(
                        settings.Root,
                        settings.HelmfileFile,
                        e.Name,
                        settings.Variables
                    ),
                    settings.Today
                )
            )
            .ToList();
        foreach (var status in statuses)
        {
            foreach (var line in StatusWriter.Text(status))
            {
                Log.Info(line);
            }
            Log.Info("");
            foreach (var app in status.PastDeadline)
            {
                Log.Warning(
                    $"{status.Environment}: app {app.App.Name} is past its migration deadline: {app.Status}."
                );
            }
            Log.StepSummary(string.Join('\n', StatusWriter.Markdown(status)));
        }
        return statuses;
    }
}
