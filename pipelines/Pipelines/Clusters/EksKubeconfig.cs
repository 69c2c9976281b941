using Pipelines.Tools;

namespace Pipelines.Clusters;

/// <summary>
/// <c>aws eks update-kubeconfig</c> for a cluster of clusters.yaml. eksctl names its kubeconfig context
/// <c>&lt;user&gt;@&lt;cluster&gt;.&lt;region&gt;.eksctl.io</c>; this writes one named as clusters.yaml's
/// <c>kubeContext</c> (the cluster's name when unset), which is the context Sync looks for.
/// </summary>
internal static class EksKubeconfig
{
    public static ToolCommand Command(ClusterDefinition cluster, string aws, string? kubeconfig)
    {
        var command = ToolCommand
            .For(aws)
            .WithInheritedSecrets(ToolCommand.AwsCredentials)
            .WithArguments(
                "eks",
                "update-kubeconfig",
                "--name",
                cluster.Name,
                "--region",
                cluster.Region,
                "--alias",
                cluster.KubeContext ?? cluster.Name
            );
        return kubeconfig is null ? command : command.WithArguments("--kubeconfig", kubeconfig);
    }
}
