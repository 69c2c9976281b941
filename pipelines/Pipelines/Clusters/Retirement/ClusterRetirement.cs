using Pipelines.Clusters.Editing;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.State;
using Pipelines.Sync;
using Pipelines.Text;
using Pipelines.Tools;

namespace Pipelines.Clusters.Retirement;

/// <summary>
/// RetireCluster, in the order that keeps the record true at every step: refuse a cluster of another environment or
/// one an app runs only on (naming them); write its kube context; drain what Sync applied there (a Sync with prune
/// and nothing desired, so only tracked objects go); only after the drain succeeded mark it retired in
/// clusters.yaml; publish that (a pull request for prod); only then <c>eksctl delete cluster</c>. A failed drain
/// leaves clusters.yaml as it was; a failed publish leaves the cluster running. <c>--dry-run</c> prints the plan.
/// </summary>
internal static class ClusterRetirement
{
    public static async Task<ClusterDefinition> RunAsync(
        string name,
        string environmentName,
        ClusterLifecycleSettings settings,
        RetirementPublishing publishing,
        CancellationToken cancellationToken
    )
    {
        var environments = settings.LoadEnvironments();
        var cluster = Find(environments, name, environmentName, settings.RelativeClustersFile);
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
        var aws = settings.DryRun ? "aws" : settings.Tools.RequireAws("RetireCluster");
        if (!settings.DryRun)
        {
            await publishing.EnsureSource(cancellationToken);
        }
        var kubeconfig = EksKubeconfig.Command(cluster, aws, settings.Kubeconfig);
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
        PrintPlan(cluster, settings, text, after, kubeconfig, delete);

        if (!settings.DryRun)
        {
            await RunToolAsync(kubeconfig, cancellationToken);
        }
        await DrainAsync(cluster, settings, cancellationToken);
        if (settings.DryRun)
        {
            Log.Info("Dry run: nothing was written, pruned, published or deleted.");
            return cluster;
        }
        if (after != text)
        {
            await AtomicFile.WriteAllTextAsync(settings.ClustersFile, after, cancellationToken);
        }
        var published = await publishing.Publish(
            $"{cluster.Environment}: RetireCluster {cluster.Name}",
            cancellationToken
        );
        Log.Info($"The retirement is published ({published}); deleting the cluster.");
        await RunToolAsync(delete, cancellationToken);
        Log.Info($"{cluster.Name} is retired and deleted.");
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

    private static void PrintPlan(
        ClusterDefinition cluster,
        ClusterLifecycleSettings settings,
        string text,
        string after,
        ToolCommand kubeconfig,
        ToolCommand delete
    )
    {
        var file = settings.RelativeClustersFile;
        Log.Info(
            $"RetireCluster {cluster.Name}{(settings.DryRun ? " (dry run: nothing changes)" : "")}:"
        );
        Log.Info($"1. {kubeconfig.CommandLine}");
        Log.Info("2. drain what Sync applied there (Sync --prune with nothing desired)");
        Log.Info(
            $"3. once drained, mark it retired in {file}"
                + (cluster.IsLive ? ":" : ": already retired")
        );
        if (cluster.IsLive)
        {
            Log.Info(UnifiedDiff.Create(text, after, "a/" + file, "b/" + file).TrimEnd('\n'));
        }
        Log.Info("4. publish the retirement to the config repo (PublishChanges)");
        Log.Info($"5. {delete.CommandLine}");
    }

    private static async Task RunToolAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        Log.Info($"> {command.CommandLine}");
        await ToolRunner.Default.RunAsync(command, cancellationToken: cancellationToken);
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
            cancellationToken,
            // Deleting everything Sync applied is the point of a drain: RetireCluster has already refused while any
            // app runs only here, so the mass-deletion guard would only stand in its way.
            maxPrune: 100
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
        string environment,
        string file
    )
    {
        var all = environments.SelectMany(e => e.Clusters).ToList();
        var cluster = NameLookup.Find(
            all,
            c => c.Name,
            name,
            $"--name {name}: no such cluster in {file}.",
            "Clusters"
        );
        if (cluster.Environment != environment)
        {
            var own = all.Where(c => c.Environment == environment).Select(c => c.Name).ToList();
            throw new UsageException(
                $"--name {name} is a cluster of {cluster.Environment}, not of --env {environment} ({file}); nothing was "
                    + $"changed. Clusters of {environment}: "
                    + (own.Count == 0 ? "none" : string.Join(", ", own))
                    + $". To retire {name}, pass --env {cluster.Environment}."
            );
        }
        return cluster;
    }
}
