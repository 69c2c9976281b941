using Pipelines.Clusters.Calendar;
using Pipelines.Clusters.Eksctl;
using Pipelines.Tools;

namespace Pipelines.Clusters.Provisioning;

/// <summary>What ProvisionCluster will do, worked out and checked before anything is written or created.</summary>
internal sealed record ProvisionPlan
{
    public required ClusterEnvironment Environment { get; init; }

    /// <summary>The new cluster's Kubernetes version and its EKS support dates (null for one newer than the offline table).</summary>
    public required EksVersionChoice Version { get; init; }

    /// <summary>The new cluster as clusters.yaml will declare it: active, carrying only the management releases.</summary>
    public required ClusterDefinition Cluster { get; init; }

    /// <summary>clusters.yaml before and after the new cluster is added (comments kept).</summary>
    public required string ClustersBefore { get; init; }
    public required string ClustersAfter { get; init; }

    /// <summary>Lines of the checks that passed, for the preflight report.</summary>
    public required IReadOnlyList<string> Checks { get; init; }

    public required EksClusterConfig Config { get; init; }

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
