using k8s;
using k8s.Autorest;
using Pipelines.Helmfile.Manifests;
using Pipelines.Sync;

namespace Pipelines.Clusters.Status;

/// <summary>What a cluster's API server said its version is, or why it was not asked or did not answer.</summary>
/// <param name="GitVersion">The server's <c>/version</c> gitVersion, e.g. <c>v1.35.2-eks-1a2b3c</c>; null when not read.</param>
/// <param name="Reason">Why a server that should answer did not; null when read, or when there is no context to ask.</param>
internal sealed record LiveVersion(string? GitVersion, string? Reason)
{
    /// <summary>The kubeconfig has no context for the cluster (the usual case away from CI): nothing to ask.</summary>
    public static LiveVersion NoContext { get; } = new(null, null);

    /// <summary>Whether the server runs another minor version than <paramref name="declared"/> (clusters.yaml).</summary>
    public bool DiffersFrom(string declared) =>
        GitVersion is { } live
        && KubernetesVersion.Parse(live) != KubernetesVersion.Parse(declared);
}

/// <summary>
/// Reads each live cluster's server version (<c>/version</c> through KubernetesClient), where its kube context is
/// in the kubeconfig. EKS upgrades a control plane on its own when extended support ends, which breaks the
/// immutable-cluster rule without a trace in Git; this is how ClusterStatus notices.
/// </summary>
internal static class LiveVersions
{
    public static async Task<IReadOnlyDictionary<string, LiveVersion>> ReadAsync(
        IEnumerable<ClusterDefinition> clusters,
        string? kubeconfig,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        var live = clusters.Where(c => c.IsLive).ToList();
        var versions = await Task.WhenAll(
            live.Select(c => ReadAsync(c, kubeconfig, timeout, cancellationToken))
        );
        return live.Zip(versions).ToDictionary(p => p.First.Name, p => p.Second);
    }

    private static async Task<LiveVersion> ReadAsync(
        ClusterDefinition cluster,
        string? kubeconfig,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        IKubernetes client;
        try
        {
            client = KubeConnections.Create(cluster, kubeconfig);
        }
        catch (Exception exception)
            when (exception is IOException or k8s.Exceptions.KubeConfigException)
        {
            return LiveVersion.NoContext;
        }
        using (client)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                var info = await client.Version.GetCodeAsync(deadline.Token);
                return new LiveVersion(info.GitVersion, null);
            }
            catch (Exception exception)
                when (exception is HttpRequestException or HttpOperationException
                    || exception is OperationCanceledException
                        && !cancellationToken.IsCancellationRequested
                )
            {
                return new LiveVersion(null, $"not reachable ({Short(exception)})");
            }
        }
    }

    private static string Short(Exception exception) =>
        exception is OperationCanceledException
            ? "no answer in time"
            : exception.Message.Split('\n')[0].Trim();
}
