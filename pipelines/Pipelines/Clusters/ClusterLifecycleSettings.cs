using Pipelines.Clusters.Calendar;
using Pipelines.Engine;
using Pipelines.GoTemplates;
using Pipelines.Helmfile;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync;

namespace Pipelines.Clusters;

/// <summary>
/// Where the lifecycle services find things and how they run, gathered once from the IClusterLifecycle component
/// (or built by a test): the repository, its helmfile and clusters files, today's date, the tools and the kubeconfig.
/// </summary>
public sealed record ClusterLifecycleSettings
{
    public required AbsolutePath Root { get; init; }
    public required AbsolutePath HelmfileFile { get; init; }
    public required AbsolutePath ClustersFile { get; init; }

    /// <summary>Where helm is installed when it is not on PATH (<c>.nuke/temp/tools</c>).</summary>
    public required AbsolutePath HelmToolsDirectory { get; init; }

    /// <summary>The day deadlines and support windows count from (UTC).</summary>
    public required DateOnly Today { get; init; }

    public required ClusterTools Tools { get; init; }

    /// <summary>The build's scratch space (<c>.nuke/temp</c>): the EKS calendar's cache, the lifecycle chart.</summary>
    public AbsolutePath TemporaryDirectory
    {
        get => _temporaryDirectory ?? Root / ".nuke" / "temp";
        init => _temporaryDirectory = value;
    }

    private readonly AbsolutePath? _temporaryDirectory;

    /// <summary>The EKS calendar: today's cache, else live from the AWS CLI, else the built-in table (printed).</summary>
    public Task<EksCalendar> LoadCalendarAsync(
        string? region,
        CancellationToken cancellationToken
    ) =>
        EksCalendarLoader.LoadAsync(
            Tools.Aws,
            TemporaryDirectory,
            Today,
            region,
            cancellationToken
        );

    /// <summary>The kubeconfig holding the clusters' contexts; null means KUBECONFIG, else ~/.kube/config.</summary>
    public string? Kubeconfig { get; init; }

    public bool DryRun { get; init; }

    /// <summary>How long Sync waits for rollouts after provisioning and how it polls.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Environment variables for helmfile templates (<c>env</c>, <c>requiredEnv</c>).</summary>
    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    public string RelativeClustersFile => ClustersFile.RelativeTo(Root);

    public IReadOnlyList<ClusterEnvironment> LoadEnvironments() =>
        Clusters.ClustersFile.LoadEnvironments(ClustersFile, Root);

    /// <summary>Resolves <c>ref+awsssm://</c> values; null refuses them (tests).</summary>
    public ReferenceResolver? References { get; init; }

    /// <summary>A renderer like RenderHelmfile's, with the same cache.</summary>
    public HelmfileRenderer Renderer(bool checkRemovedApis = true) =>
        new(Root, HelmfileTemplates.Context(Variables), References)
        {
            ToolsDirectory = HelmToolsDirectory,
            CheckRemovedApis = checkRemovedApis,
        };

    /// <summary>The sync options for the lifecycle's own syncs (ignoreDifferences from helmfile/sync.yaml).</summary>
    public SyncOptions SyncOptions(bool prune) =>
        new()
        {
            Prune = prune,
            DryRun = DryRun,
            HealthTimeout = HealthTimeout,
            HealthPollInterval = HealthPollInterval,
            IgnoreDifferences = SyncConfig.Load(Root),
            GitWorkTree = Root,
        };
}
