using k8s;
using Pipelines.Clusters;
using Pipelines.Engine;

namespace Pipelines.Sync;

/// <summary>
/// A KubernetesClient for a cluster of clusters.yaml: its kube context from the kubeconfig (which covers EKS
/// through the exec credential plugin, <c>aws eks get-token</c>), <c>apiServer: in-cluster</c> for a pod's
/// service account, or an API server URL.
/// </summary>
internal static class KubeConnections
{
    public static IKubernetes Create(ClusterDefinition cluster, string? kubeconfig)
    {
        if (cluster.ApiServer == "in-cluster")
        {
            return new Kubernetes(
                KubernetesClientConfiguration.InClusterConfig(),
                new HttpRequestLog()
            );
        }
        if (cluster.KubeContext is null)
        {
            return new Kubernetes(
                new KubernetesClientConfiguration { Host = cluster.ApiServer },
                new HttpRequestLog()
            );
        }
        var path = kubeconfig ?? DefaultKubeconfig();
        if (!File.Exists(path))
        {
            throw new IOException(
                $"no kubeconfig at {path} for context '{cluster.KubeContext}'. Pass --kubeconfig, set KUBECONFIG, "
                    + $"or add the context (for EKS: aws eks update-kubeconfig --name {cluster.Name} --alias {cluster.KubeContext})."
            );
        }
        return new Kubernetes(
            KubernetesClientConfiguration.BuildConfigFromConfigFile(
                path,
                currentContext: cluster.KubeContext
            ),
            // --verbosity verbose logs each request (method, URL, status), never its headers.
            new HttpRequestLog()
        );
    }

    private static string DefaultKubeconfig() =>
        Environment
            .GetEnvironmentVariable("KUBECONFIG")
            ?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault()
        ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            ".kube",
            "config"
        );
}
