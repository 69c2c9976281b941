using Pipelines.Clusters.Migration;
using Pipelines.Clusters.Provisioning;
using Pipelines.Clusters.Retirement;
using Pipelines.Clusters.Status;
using Pipelines.ConfigRepo;
using Pipelines.ConfigRepo.Publish;
using Pipelines.Engine;
using Pipelines.Helmfile;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync;

namespace Pipelines.Clusters;

/// <summary>
/// The immutable-cluster lifecycle as a component: <c>class Build : PipelineBuild, IClusterLifecycle</c>. A new EKS
/// cluster per Kubernetes version (ProvisionCluster), apps moving over on their own schedule (MigrateApp, then
/// Sync --prune; the config repo is reached as BumpK8sConfig reaches it, see <see cref="IConfigRepoAccess"/>),
/// the state of it all (ClusterStatus), the briefing for app teams (UpgradeBriefing), and the old
/// cluster's end (RetireCluster, which publishes the retirement as PublishChanges does before it deletes anything).
/// <c>helmfile/clusters.yaml</c> is the record; eksctl does what only AWS can.
/// </summary>
public interface IClusterLifecycle : ISync, IConfigRepoPublish
{
    [Parameter(
        "Kubernetes version (major.minor) of the new cluster, for ProvisionCluster and UpgradeBriefing (default: the newest EKS version the project knows)"
    )]
    string? KubeVersion => TryGetValue(() => KubeVersion);

    [Parameter(
        "Cluster name: the new cluster of ProvisionCluster (default <env>-<major>-<minor>-<next color>), the one RetireCluster retires"
    )]
    string? Name => TryGetValue(() => Name);

    [Parameter(
        "Migration deadline of a new cluster: a date (2027-01-15) or a time from today (6w, 30d); default 6w"
    )]
    string? Deadline => TryGetValue(() => Deadline);

    [Parameter(
        "The app: the folder under samples/ BuildImage builds (web), the releases labelled app=<app> MigrateApp moves"
    )]
    string? App => TryGetValue(() => App);

    [Parameter("The cluster MigrateApp moves the app to (a live cluster of --env)")]
    string? To => TryGetValue(() => To);

    [Parameter("MigrateApp: keep the app on its old cluster too, for a parallel run")]
    bool KeepOnOld => TryGetValue(() => KeepOnOld);

    [Parameter(
        "Where UpgradeBriefing writes its Markdown (default .nuke/temp/upgrade-briefing-<env>-<version>.md)"
    )]
    AbsolutePath? Output => TryGetValue(() => Output);

    /// <summary>The day deadlines and support windows count from; a test build overrides it.</summary>
    DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>eksctl and aws as found on PATH; a test build points them at fakes.</summary>
    ClusterTools ClusterTools => ClusterTools.FromPath(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Where helm is installed when it is not on PATH.</summary>
    AbsolutePath HelmToolsDirectory => TemporaryDirectory / "tools";

    /// <summary>The lifecycle services' view of this build's parameters.</summary>
    ClusterLifecycleSettings ClusterLifecycle =>
        new()
        {
            Root = RootDirectory,
            HelmfileFile = HelmfileFile,
            ClustersFile = ClustersFile,
            HelmToolsDirectory = HelmToolsDirectory,
            Today = Today,
            Tools = ClusterTools,
            TemporaryDirectory = TemporaryDirectory,
            Kubeconfig = Kubeconfig?.Value,
            DryRun = DryRun,
            HealthTimeout = TimeSpan.FromSeconds(Timeout),
            References = HelmfileRenderer.References(this),
        };

    Target ProvisionCluster =>
        _ =>
            _.Description(
                    "Create the next EKS cluster of --env with eksctl after a removed-API preflight; add it to clusters.yaml, sync its management apps, bootstrap CD"
                )
                .Requires(() => Env)
                .Executes(async ct =>
                {
                    var plan = await ClusterProvisioning.RunAsync(
                        new ProvisionRequest(Env!, KubeVersion, Name, Deadline),
                        ClusterLifecycle,
                        ct
                    );
                    Report("cluster", plan.Cluster.Name);
                    Report("deadline", $"{plan.Cluster.Deadline:yyyy-MM-dd}");
                });

    Target MigrateApp =>
        _ =>
            _.Description(
                    "Move --app's releases to cluster --to in clusters.yaml (a commit or a PR to the config repo); Sync --prune then moves it"
                )
                .Requires(() => App)
                .Requires(() => Env)
                .Requires(() => To)
                .Executes(async ct =>
                {
                    var result = await AppMigration.RunAsync(
                        new MigrationRequest(App!, Env!, To!, KeepOnOld, DeliveryFor(Env!)),
                        ClusterLifecycle,
                        ConfigRepoContext,
                        ct
                    );
                    Report("change", result.Describe());
                });

    Target ClusterStatus =>
        _ =>
            _.Description(
                    "Per environment: clusters (version, role, state, EKS support left, deadline, live version), where each app runs, and a lifecycle gantt chart"
                )
                .Executes(async ct =>
                {
                    var statuses = await ClusterStatusReport.RunAsync(Env, ClusterLifecycle, ct);
                    Report("past deadline", statuses.Sum(s => s.PastDeadline.Count));
                    Report("version drift", statuses.Sum(s => s.VersionDrift.Count));
                });

    Target UpgradeBriefing =>
        _ =>
            _.Description(
                    "Markdown for app teams per app: manifest diff old -> new version, removed/deprecated APIs, deadline, commands"
                )
                .Requires(() => Env)
                .Executes(async ct =>
                {
                    var (report, path) = await Briefing.UpgradeBriefing.RunAsync(
                        Env!,
                        KubeVersion,
                        Output,
                        ClusterLifecycle,
                        TemporaryDirectory,
                        ct
                    );
                    Report("briefing", path.RelativeTo(RootDirectory));
                    Report("blocked apps", report.Apps.Count(a => a.Removed.Count > 0));
                });

    Target RetireCluster =>
        _ =>
            _.Description(
                    "Retire --name of --env: refuse while an app runs only there; drain what Sync applied, then mark it retired, publish that (a PR for prod), then eksctl delete cluster"
                )
                .Requires(() => Name)
                .Requires(() => Env)
                .Executes(async ct =>
                {
                    var cluster = await ClusterRetirement.RunAsync(
                        Name!,
                        Env!,
                        ClusterLifecycle,
                        new RetirementPublishing(
                            token =>
                                PublishSource.EnsureOnBaseBranchAsync(this, "RetireCluster", token),
                            (message, token) =>
                                ChangePublishing.RunAsync(this, Env!, message, token)
                        ),
                        ct
                    );
                    Report("retired", cluster.Name);
                });
}
