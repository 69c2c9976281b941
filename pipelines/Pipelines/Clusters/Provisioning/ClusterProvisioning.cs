using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync;
using Pipelines.Sync.Kube;
using Pipelines.Text;
using Pipelines.Tools;

namespace Pipelines.Clusters.Provisioning;

/// <summary>
/// ProvisionCluster: plan and check, preflight render, then create with eksctl and, in order, add the cluster to
/// clusters.yaml, sync its management releases and bootstrap the CD pipeline's identity. <c>--dry-run</c> prints
/// the ClusterConfig, the commands, the clusters.yaml diff and the preflight result, and writes nothing.
/// </summary>
internal static class ClusterProvisioning
{
    public static async Task<ProvisionPlan> RunAsync(
        ProvisionRequest request,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        var region = settings
            .LoadEnvironments()
            .FirstOrDefault(e => e.Name == request.Environment)
            ?.Region;
        var calendar = await settings.LoadCalendarAsync(region, cancellationToken);
        var plan = ProvisionPlanner.Plan(request, settings, calendar);
        if (plan.Version.Warning is { } warning)
        {
            Log.Warning(warning);
        }
        var eksctl = settings.DryRun ? "eksctl" : settings.Tools.RequireEksctl("ProvisionCluster");
        var aws = settings.DryRun ? "aws" : settings.Tools.RequireAws("ProvisionCluster");
        var cluster = plan.Cluster;
        Log.Info(
            $"ProvisionCluster {cluster.Name}: Kubernetes {cluster.KubernetesVersion}, {cluster.Color.ToString().ToLowerInvariant()}, "
                + $"{cluster.Region}, migration deadline {cluster.Deadline:yyyy-MM-dd}"
                + (settings.DryRun ? " (dry run: nothing is written or created)" : "")
        );
        Print(plan, settings, eksctl, aws);

        var preflight = await PreflightAsync(plan, settings, cancellationToken);
        if (settings.DryRun)
        {
            Log.Info("Dry run: nothing was written, created or applied.");
            return plan;
        }

        await AtomicFile.WriteAllTextAsync(
            settings.Root / plan.ConfigPath,
            plan.ConfigYaml,
            cancellationToken
        );
        await RunToolAsync(
            plan.CreateCommand(eksctl).WithWorkingDirectory(settings.Root),
            $"{cluster.Name} was not added to {settings.RelativeClustersFile}. eksctl may have left CloudFormation stacks "
                + $"behind: check them, and delete with 'eksctl delete cluster -f {plan.ConfigPath}' before trying again.",
            cancellationToken
        );

        // 1. The cluster exists: clusters.yaml says so from now on, carrying the management releases.
        await AtomicFile.WriteAllTextAsync(
            settings.ClustersFile,
            plan.ClustersAfter,
            cancellationToken
        );
        Log.Info(
            $"{settings.RelativeClustersFile}: {cluster.Name} added (active, carries {ProvisionPlanner.ManagementSelector})."
        );
        var resume =
            $"{cluster.Name} exists and is in {settings.RelativeClustersFile}; finish with ./build.sh Sync --env "
            + $"{cluster.Environment} --cluster {cluster.Name} once its kube context '{cluster.KubeContext}' works.";
        await RunToolAsync(
            plan.KubeconfigCommand(aws, settings.Kubeconfig),
            resume,
            cancellationToken
        );

        // 2. Its management releases, rendered by the preflight, synced as Sync would.
        await SyncAsync(Preflight.Carried(preflight, cluster), settings, cancellationToken);

        // 3. The CD pipeline's identity, so the generated workflows sync it from Git from now on.
        using var client = KubeConnections.Create(cluster, settings.Kubeconfig);
        var api = new ClusterApi(client, new ResourceCatalog(), CdBootstrap.FieldManager);
        foreach (
            var line in await CdBootstrap.ApplyAsync(
                api,
                cluster.Name,
                dryRun: false,
                cancellationToken
            )
        )
        {
            Log.Info($"bootstrap: applied {line}");
        }
        Log.Info(
            $"{cluster.Name} is provisioned. Commit {plan.ConfigPath} and {settings.RelativeClustersFile}; from then on the CD "
                + $"pipeline syncs it. Move apps with ./build.sh MigrateApp --env {cluster.Environment} --app <app> --to {cluster.Name}."
        );
        return plan;
    }

    private static void Print(
        ProvisionPlan plan,
        ClusterLifecycleSettings settings,
        string eksctl,
        string aws
    )
    {
        Log.Info($"--- {plan.ConfigPath}{(settings.DryRun ? " (would be written)" : "")}:");
        Log.Info(plan.ConfigYaml.TrimEnd('\n'));
        Log.Info("--- commands:");
        Log.Info(plan.CreateCommand(eksctl).CommandLine);
        Log.Info(plan.KubeconfigCommand(aws, settings.Kubeconfig).CommandLine);
        Log.Info($"--- {settings.RelativeClustersFile}:");
        Log.Info(
            UnifiedDiff
                .Create(
                    plan.ClustersBefore,
                    plan.ClustersAfter,
                    "a/" + settings.RelativeClustersFile,
                    "b/" + settings.RelativeClustersFile
                )
                .TrimEnd('\n')
        );
        Log.Info("--- then:");
        Log.Info(
            $"Sync the releases {plan.Cluster.Name} carries ({ProvisionPlanner.ManagementSelector}) to it"
        );
        Log.Info(
            "Bootstrap the CD pipeline: "
                + string.Join(
                    ", ",
                    CdBootstrap
                        .Objects(plan.Cluster.Name)
                        .Select(o => $"{o.Kind} {o.Metadata.Name}")
                )
                + $" (group {CdBootstrap.Cd.Group}{(plan.Environment.CdRole is { } role ? $", mapped from {role}" : "")}; "
                + $"group {CdBootstrap.ReadOnly.Group}, {string.Join("/", CdBootstrap.ReadOnly.Verbs)} only"
                + $"{(plan.Environment.ReadOnlyRole is { } reader ? $", mapped from {reader}" : "")})"
        );
    }

    private static async Task<RenderResult> PreflightAsync(
        ProvisionPlan plan,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        Log.Info("--- preflight:");
        foreach (var check in plan.Checks)
        {
            Log.Info($"  ok  {check}");
        }
        var render = await Preflight.RunAsync(plan.Cluster, settings, cancellationToken);
        var releases = render.Clusters.SelectMany(c => c.Releases).ToList();
        Log.Info(
            $"  ok  removed APIs at Kubernetes {plan.Cluster.KubernetesVersion}: none in {releases.Count} release(s) "
                + $"({string.Join(", ", releases.Select(r => r.Release.Name))})"
        );
        if (RemovedApis.IsBeyondTable(plan.Cluster.KubernetesVersion))
        {
            Log.Warning(
                $"The removed-API table knows removals through Kubernetes {RemovedApis.CheckedThrough}; whatever "
                    + $"{plan.Cluster.KubernetesVersion} stops serving is not checked. Read the Deprecated API Migration Guide "
                    + "(https://kubernetes.io/docs/reference/using-api/deprecation-guide/) and add its removals to "
                    + "pipelines/Pipelines/Helmfile/Manifests/RemovedApis.Table.cs."
            );
        }
        return render;
    }

    private static async Task RunToolAsync(
        ToolCommand command,
        string onFailure,
        CancellationToken cancellationToken
    )
    {
        Log.Info($"> {command.CommandLine}");
        try
        {
            await ToolRunner.Default.RunAsync(command, cancellationToken: cancellationToken);
        }
        catch (ToolException exception)
        {
            throw new ProvisioningFailedException($"{exception.Message}\n{onFailure}");
        }
    }

    private static async Task SyncAsync(
        RenderResult render,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        var reports = await LifecycleSync.RunAsync(
            render,
            settings,
            prune: false,
            cancellationToken
        );
        SyncFailedException.ThrowIfAny(reports);
    }
}

/// <summary>eksctl or the AWS CLI failed while creating the cluster; the message says what to clean up.</summary>
internal sealed class ProvisioningFailedException(string message)
    : Exception(message),
        IExplainedFailure;
