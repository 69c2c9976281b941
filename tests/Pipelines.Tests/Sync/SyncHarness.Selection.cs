using k8s;
using Pipelines.Clusters;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Sync;
using Pipelines.Tests.Helmfile;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

internal sealed partial class SyncHarness
{
    /// <summary>
    /// Renders the test environment as RenderHelmfile does with <paramref name="render"/> (<c>--selector</c>,
    /// <c>--cluster</c>) and syncs it, connecting to each cluster through <paramref name="connect"/>.
    /// </summary>
    public async Task<IReadOnlyList<ClusterReport>> SyncAsync(
        SyncOptions? options,
        RenderOptions render,
        Func<ClusterDefinition, IKubernetes>? connect = null
    )
    {
        var renderer = new HelmfileRenderer(
            Workspace.Root,
            HelmfileWorkspace.Templates(),
            references: null
        )
        {
            ToolsDirectory = HelmfileWorkspace.SharedTools,
        };
        var result = await renderer.RenderAsync(
            Workspace.Root / "helmfile" / "helmfile.yaml",
            Workspace.Root / "helmfile" / "clusters.yaml",
            render,
            CancellationToken.None
        );
        options ??= new SyncOptions();
        options = options with
        {
            HealthTimeout =
                options.HealthTimeout == TimeSpan.FromMinutes(5)
                    ? TimeSpan.FromSeconds(20)
                    : options.HealthTimeout,
            HealthPollInterval = TimeSpan.FromMilliseconds(50),
        };
        return await ClusterSyncing.SyncAllAsync(
            result,
            options,
            connect ?? (c => KubeConnections.Create(c, Kubeconfig)),
            CancellationToken.None
        );
    }

    /// <summary>Syncs only the releases these selectors choose, as <c>Sync --selector</c> does.</summary>
    public Task<IReadOnlyList<ClusterReport>> SyncSelectedAsync(
        SyncOptions options,
        params string[] selectors
    ) =>
        SyncAsync(
            options,
            new RenderOptions(
                "test",
                null,
                selectors.Select(ReleaseSelector.Parse).ToList(),
                NeedsGraph.Include.None
            )
        );

    /// <summary>Gives the blue (draining) cluster a <c>carries:</c> selector in clusters.yaml.</summary>
    public void SetBlueCarries(string selector)
    {
        var clusters = Workspace.Root / "helmfile" / "clusters.yaml";
        File.WriteAllText(
            clusters,
            File.ReadAllText(clusters)
                .Replace(
                    "        state: draining",
                    $"        state: draining\n        carries: [{selector}]"
                )
        );
    }

    /// <summary>The inventory Sync keeps in a cluster, as entries.</summary>
    public static IReadOnlyList<InventoryEntry> InventoryOf(KubeApiTestServer server) =>
        (
            server
                .GetObject("v1", "configmaps", "kube-system", "pipelines-inventory-test")
                ?["data"]?["objects"]?.GetValue<string>()
            ?? ""
        )
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(InventoryEntry.Parse)
            .OfType<InventoryEntry>()
            .ToList();
}
