using Pipelines.Clusters.Calendar;
using Pipelines.Clusters.Eksctl;
using Pipelines.Tools;

namespace Pipelines.Clusters.Provisioning;

/// <summary>What ProvisionCluster will do, worked out and checked before anything is written or created.</summary>
/// <param name="Environment">The environment the cluster joins.</param>
/// <param name="Version">The new cluster's Kubernetes version and its EKS support dates (null for one newer than the offline table).</param>
/// <param name="Cluster">The new cluster as clusters.yaml will declare it: active, carrying only the management releases.</param>
/// <param name="ClustersBefore">clusters.yaml before the new cluster is added.</param>
/// <param name="ClustersAfter">clusters.yaml with the new cluster added (comments kept).</param>
/// <param name="Checks">Lines of the checks that passed, for the preflight report.</param>
/// <param name="Config">The eksctl ClusterConfig of the new cluster.</param>
internal sealed record ProvisionPlan(
    ClusterEnvironment Environment,
    EksVersionChoice Version,
    ClusterDefinition Cluster,
    string ClustersBefore,
    string ClustersAfter,
    IReadOnlyList<string> Checks,
    EksClusterConfig Config
)
{
    /// <summary>Repository-relative path of the ClusterConfig file, <c>clusters/&lt;name&gt;.eksctl.yaml</c>.</summary>
    public string ConfigPath => $"clusters/{Cluster.Name}.eksctl.yaml";

    /// <summary>The ClusterConfig file's text, written from <see cref="Config"/> (deterministic).</summary>
    public string ConfigYaml => ClusterConfigYaml.Write(Config, ConfigPath);

    public ToolCommand CreateCommand(string eksctl) =>
        ToolCommand
            .For(eksctl)
            .WithArguments("create", "cluster", "-f", ConfigPath)
            .WithInheritedSecrets(ToolCommand.AwsCredentials);

    /// <summary>The kube context of the new cluster, named as clusters.yaml's kubeContext (<see cref="EksKubeconfig"/>).</summary>
    public ToolCommand KubeconfigCommand(string aws, string? kubeconfig) =>
        EksKubeconfig.Command(Cluster, aws, kubeconfig);
}
