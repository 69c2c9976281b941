using Pipelines.Clusters.Editing;
using Pipelines.Engine;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.State;
using Pipelines.Sync;
using Pipelines.Text;
using Pipelines.Tools;

namespace Pipelines.Clusters.Retirement;

/// <summary>
/// RetireCluster: refuses while any app runs only on the cluster (naming them); otherwise marks it retired in
/// clusters.yaml, drains what Sync applied there (a Sync with prune and nothing desired, so only tracked objects
/// go) and deletes it with <c>eksctl delete cluster</c>. <c>--dry-run</c> prints the plan and changes nothing.
/// </summary>
public static class ClusterRetirement
{
    public static async Task<ClusterDefinition> RunAsync(
        string name,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        var environments = settings.LoadEnvironments();
        var cluster = Find(environments, name, settings.RelativeClustersFile);
        var environment = environments.Single(e => e.Name == cluster.Environment);
        var apps = AppCatalog.Load(
            settings.Root,
            settings.HelmfileFile,
            cluster.Environment,
            settings.Variables
        );
        var stranded = OnlyOn(cluster, environment, apps);
        if (stranded.Count > 0)
        {
            throw new UsageException(
                $"{cluster.Name} still runs {stranded.Count} app(s) no other live cluster of {cluster.Environment} carries: "
                    + string.Join(", ", stranded.Select(a => a.Name))
                    + ". Move each first, e.g. ./build.sh MigrateApp --env "
                    + $"{cluster.Environment} --app {stranded[0].Name} --to <new cluster>, and sync."
            );
        }
        var eksctl = settings.DryRun ? "eksctl" : settings.Tools.RequireEksctl("RetireCluster");
        var delete = ToolCommand
            .For(eksctl)
            .WithArguments("delete", "cluster", "--name", cluster.Name, "--region", cluster.Region)
            .WithInheritedSecrets(ToolCommand.AwsCredentials);
        var text = File.ReadAllText(settings.ClustersFile);
        var after = cluster.IsLive
            ? ClustersYamlEditor.Apply(
                text,
                settings.RelativeClustersFile,
                [new SetScalar(ClustersYamlEdit.ClusterPath(cluster) + ".state", "retired")]
            )
            : text;

        Log.Info(
            $"RetireCluster {cluster.Name}{(settings.DryRun ? " (dry run: nothing changes)" : "")}:"
        );
        Log.Info(
            $"1. mark it retired in {settings.RelativeClustersFile}"
                + (cluster.IsLive ? ":" : ": already retired")
        );
        if (cluster.IsLive)
        {
            Log.Info(
                UnifiedDiff
                    .Create(
                        text,
                        after,
                        "a/" + settings.RelativeClustersFile,
                        "b/" + settings.RelativeClustersFile
                    )
                    .TrimEnd('\n')
            );
        }
        Log.Info("2. drain what Sync applied there (Sync --prune with nothing desired)");
        Log.Info($"3. {delete.CommandLine}");
        if (!settings.DryRun && after != text)
        {
            await AtomicFile.WriteAllTextAsync(settings.ClustersFile, after, cancellationToken);
        }
        await DrainAsync(cluster, settings, cancellationToken);
        if (settings.DryRun)
        {
            Log.Info("Dry run: nothing was written, pruned or deleted.");
            return cluster;
        }
        Log.Info($"> {delete.CommandLine}");
        await ToolRunner.Default.RunAsync(delete, cancellationToken: cancellationToken);
        Log.Info($"{cluster.Name} is retired and deleted. Commit {settings.RelativeClustersFile}.");
        return cluster;
    }

    /// <summary>The apps with a release that no live cluster but <paramref name="cluster"/> carries.</summary>
    public static IReadOnlyList<AppReleases> OnlyOn(
        ClusterDefinition cluster,
        ClusterEnvironment environment,
        IReadOnlyList<AppReleases> apps
    )
    {
        var others = environment.Live.Where(c => c.Name != cluster.Name).ToList();
        return apps.Where(a =>
                a.Releases.Any(r =>
                    cluster.IsLive
                    && cluster.CarriesRelease(r)
                    && !others.Any(o => o.CarriesRelease(r))
                )
            )
            .ToList();
    }

    private static async Task DrainAsync(
        ClusterDefinition cluster,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        var nothing = new RenderResult(
            cluster.Environment,
            [new ClusterRender(cluster, [], [])],
            new DeclaredState(cluster.Environment, settings.HelmfileFile)
        );
        var reports = await LifecycleSync.RunAsync(
            nothing,
            settings,
            prune: true,
            cancellationToken
        );
        if (reports.FirstOrDefault(r => r.Unreachable is not null) is { } unknown)
        {
            Log.Warning(
                $"{cluster.Name}: not reachable ({unknown.Unreachable}); the drain could not be planned."
            );
        }
        SyncFailedException.ThrowIfAny(reports);
    }

    private static ClusterDefinition Find(
        IReadOnlyList<ClusterEnvironment> environments,
        string name,
        string file
    )
    {
        var all = environments.SelectMany(e => e.Clusters).ToList();
        return all.FirstOrDefault(c => c.Name == name)
            ?? throw new UsageException(
                $"--name {name}: no such cluster in {file}."
                    + (
                        Suggestions.Closest(name, all.Select(c => c.Name)) is { } close
                            ? $" Did you mean '{close}'?"
                            : ""
                    )
                    + $" Clusters: {string.Join(", ", all.Select(c => c.Name))}."
            );
    }
}
