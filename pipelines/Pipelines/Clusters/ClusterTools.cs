using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;

namespace Pipelines.Clusters;

/// <summary>
/// eksctl and the AWS CLI, as found on PATH (null when absent). Only the lifecycle's real runs need them: a dry run
/// prints the commands it would run and needs neither.
/// </summary>
public sealed record ClusterTools(string? Eksctl, string? Aws)
{
    public const string EksctlInstall = "https://eksctl.io/installation/";
    public const string AwsInstall =
        "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html";

    /// <summary>Looks both up in a PATH value (<c>PATH</c> of the build's environment by default).</summary>
    public static ClusterTools FromPath(string? path) =>
        new(Find("eksctl", path), Find("aws", path));

    /// <summary>eksctl's full path; absent, an error saying how to install it.</summary>
    public string RequireEksctl(string why) =>
        Eksctl
        ?? throw new MissingToolException(
            $"eksctl is not on PATH, and {why} needs it. Install it ({EksctlInstall}), e.g. the release binary "
                + "from https://github.com/eksctl-io/eksctl/releases into a folder on PATH, then run again. "
                + "--dry-run shows the plan without it."
        );

    /// <summary>The AWS CLI's full path; absent, an error saying how to install it.</summary>
    public string RequireAws(string why) =>
        Aws
        ?? throw new MissingToolException(
            $"the AWS CLI (aws) is not on PATH, and {why} needs it (the kubeconfig of an EKS cluster authenticates "
                + $"with 'aws eks get-token'). Install AWS CLI v2 ({AwsInstall}), then run again. "
                + "--dry-run shows the plan without it."
        );

    private static string? Find(string name, string? path) =>
        OperatingSystem.IsWindows()
            ? ExecutableSearch.Find(
                ExecutableSearch.Directories(path),
                name + ".exe",
                name + ".cmd"
            )
            : ExecutableSearch.Find(ExecutableSearch.Directories(path), name);
}

/// <summary>A tool the target needs is not installed; the message says how to install it. Nothing was changed.</summary>
internal sealed class MissingToolException(string message) : Exception(message), IExplainedFailure;
