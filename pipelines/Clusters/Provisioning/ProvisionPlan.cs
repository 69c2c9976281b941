using Pipelines.Clusters.Eksctl;
using Pipelines.Tools;

namespace Pipelines.Clusters.Provisioning;

/// <summary>What ProvisionCluster will do, worked out and checked before anything is written or created.</summary>
public sealed record ProvisionPlan
{
    public required ClusterEnvironment Environment { get; init; }
    public required EksVersion Version { get; init; }

    /// <summary>The new cluster as clusters.yaml will declare it: active, carrying only the management releases.</summary>
    public required ClusterDefinition Cluster { get; init; }

    public required EksClusterConfig Config { get; init; }

    /// <summary>Repository-relative path of the ClusterConfig file, <c>clusters/&lt;name&gt;.eksctl.yaml</c>.</summary>
    public required string ConfigPath { get; init; }

    public required string ConfigYaml { get; init; }

    /// <summary>clusters.yaml before and after the new cluster is added (comments kept).</summary>
    public required string ClustersBefore { get; init; }
    public required string ClustersAfter { get; init; }

    /// <summary>Lines of the checks that passed, for the preflight report.</summary>
    public required IReadOnlyList<string> Checks { get; init; }

    public ToolCommand CreateCommand(string eksctl) =>
        ToolCommand
            .For(eksctl)
            .WithArguments("create", "cluster", "-f", ConfigPath)
            .WithInheritedSecrets(ToolCommand.AwsCredentials);

    /// <summary>
    /// eksctl names its kubeconfig context <c>&lt;user&gt;@&lt;cluster&gt;.&lt;region&gt;.eksctl.io</c>; this writes
    /// one named after the cluster, which is the <c>kubeContext</c> clusters.yaml gives it.
    /// </summary>
    public ToolCommand KubeconfigCommand(string aws, string? kubeconfig)
    {
        var command = ToolCommand
            .For(aws)
            .WithInheritedSecrets(ToolCommand.AwsCredentials)
            .WithArguments(
                "eks",
                "update-kubeconfig",
                "--name",
                Cluster.Name,
                "--region",
                Cluster.Region,
                "--alias",
                Cluster.KubeContext!
            );
        return kubeconfig is null ? command : command.WithArguments("--kubeconfig", kubeconfig);
    }
}
