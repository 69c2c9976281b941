using k8s;
using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Sync;
using Pipelines.Tests.Helmfile;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>
/// The project's real k8s config, rendered with real helm, synced by the real KubernetesClient into two
/// in-process API servers that stand in for the test environment's blue and green clusters. A fake controller
/// loop marks workloads rolled out, as the real controllers would, unless a test wants them stuck.
/// </summary>
internal sealed partial class SyncHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _controllers = new();
    private Task? _controllerLoop;

    private SyncHarness(
        HelmfileWorkspace workspace,
        KubeApiTestServer blue,
        KubeApiTestServer green
    )
    {
        Workspace = workspace;
        Blue = blue;
        Green = green;
    }

    public HelmfileWorkspace Workspace { get; }
    public KubeApiTestServer Blue { get; }
    public KubeApiTestServer Green { get; }
    public string Kubeconfig => Workspace.Root / "kubeconfig";

    public static async Task<SyncHarness> StartAsync(bool controllers = true)
    {
        var harness = new SyncHarness(
            new HelmfileWorkspace().WithProjectConfig(),
            await KubeApiTestServer.StartAsync(),
            await KubeApiTestServer.StartAsync()
        );
        KubeApiTestServer.WriteKubeconfig(
            harness.Kubeconfig,
            new Dictionary<string, KubeApiTestServer>
            {
                ["test-1-34-blue"] = harness.Blue,
                ["test-1-35-green"] = harness.Green,
            }
        );
        if (controllers)
        {
            harness._controllerLoop = Task.Run(() =>
                harness.RollOutAsync(harness._controllers.Token)
            );
        }
        return harness;
    }

    /// <summary>Renders the test environment and syncs it, as <c>./build.sh Sync --env test</c> does.</summary>
    public Task<IReadOnlyList<ClusterReport>> SyncAsync(
        SyncOptions? options = null,
        string? kubeconfig = null
    ) =>
        SyncAsync(
            options,
            new RenderOptions("test", null, [], NeedsGraph.Include.None),
            c => KubeConnections.Create(c, kubeconfig ?? Kubeconfig)
        );

    public static ClusterReport Of(IReadOnlyList<ClusterReport> reports, string cluster) =>
        reports.Single(r => r.Cluster.Name == cluster);

    /// <summary>What the Deployment and DaemonSet controllers would report once the pods are up.</summary>
    private async Task RollOutAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var server in new[] { Blue, Green })
            {
                try
                {
                    await MarkRolledOutAsync(server);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // a fault injected by the test hit the controller's own request; it retries next round
                }
            }
            await Task.Delay(25, CancellationToken.None);
        }
    }

    internal static async Task MarkRolledOutAsync(KubeApiTestServer server)
    {
        using var client = server.CreateClient();
        var deployments = await client.AppsV1.ListDeploymentForAllNamespacesAsync(
            cancellationToken: CancellationToken.None
        );
        foreach (var deployment in deployments.Items)
        {
            server.MarkRolledOut(
                "deployments",
                deployment.Metadata.NamespaceProperty,
                deployment.Metadata.Name
            );
        }
        var daemonSets = await client.AppsV1.ListDaemonSetForAllNamespacesAsync(
            cancellationToken: CancellationToken.None
        );
        foreach (var daemonSet in daemonSets.Items)
        {
            server.MarkRolledOut(
                "daemonsets",
                daemonSet.Metadata.NamespaceProperty,
                daemonSet.Metadata.Name
            );
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _controllers.CancelAsync();
        if (_controllerLoop is not null)
        {
            await _controllerLoop;
        }
        await Blue.DisposeAsync();
        await Green.DisposeAsync();
        Workspace.Dispose();
    }
}
