using Pipelines.GitHubActions.Model;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// The steps every build job starts with: checkout (without leaving the token in .git/config), the SDK from
/// global.json, and one cache of NuGet packages and <c>.nuke/temp/tools</c> (helm, actionlint) keyed on what decides
/// them. helm itself is installed by the build on first use, so no setup-helm action is needed.
/// </summary>
public static class SetupSteps
{
    public const string CacheKey =
        "${{ runner.os }}-build-${{ hashFiles('global.json', '**/*.csproj', 'Directory.Packages.props') }}";

    public static ActionStep Checkout(int? fetchDepth = null) =>
        new(Actions.Checkout)
        {
            Name = "Check out",
            With =
            [
                KeyValuePair.Create("persist-credentials", "false"),
                .. fetchDepth is { } depth
                    ?
                    [
                        KeyValuePair.Create(
                            "fetch-depth",
                            depth.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        ),
                    ]
                    : Array.Empty<KeyValuePair<string, string>>(),
            ],
        };

    public static IReadOnlyList<Step> Build(int? fetchDepth = null) =>
        [
            Checkout(fetchDepth),
            new ActionStep(Actions.SetupDotNet)
            {
                Name = "Set up .NET from global.json",
                With = [KeyValuePair.Create("global-json-file", "global.json")],
            },
            new ActionStep(Actions.Cache)
            {
                Name = "Cache NuGet packages and build tools",
                With =
                [
                    KeyValuePair.Create("path", "~/.nuget/packages\n.nuke/temp/tools\n"),
                    KeyValuePair.Create("key", CacheKey),
                    KeyValuePair.Create("restore-keys", "${{ runner.os }}-build-"),
                ],
            },
        ];

    /// <summary>The id of the AWS credentials step; its output <c>aws-account-id</c> names the account.</summary>
    public const string AwsStepId = "aws";

    /// <summary>
    /// Short-lived AWS credentials through GitHub's OIDC token: the job needs <c>id-token: write</c>, and the role
    /// (the secret <c>AWS_ROLE_ARN</c>, per GitHub environment where the job has one) trusts this repository. No
    /// long-lived keys. The account id is left unmasked so outputs built from it (an ECR registry) survive.
    /// </summary>
    public static ActionStep AwsCredentials(string region) =>
        new(Actions.ConfigureAwsCredentials)
        {
            Name = "AWS credentials (OIDC)",
            Id = AwsStepId,
            With =
            [
                KeyValuePair.Create("role-to-assume", Expr.Secret("AWS_ROLE_ARN")),
                KeyValuePair.Create("aws-region", region),
                KeyValuePair.Create("mask-aws-account-id", "false"),
            ],
        };

    /// <summary>The ECR registry of the account the AWS step signed in to, in <paramref name="region"/>.</summary>
    public static string EcrRegistry(string region) =>
        $"{Expr.StepOutput(AwsStepId, "aws-account-id")}.dkr.ecr.{region}.amazonaws.com";

    /// <summary>A kubeconfig context for the matrix leg's EKS cluster, named as clusters.yaml's kubeContext.</summary>
    public static RunStep Kubeconfig() =>
        new(
            "aws eks update-kubeconfig --name \"$CLUSTER\" --alias \"$KUBE_CONTEXT\" --region \"$REGION\"\n"
        )
        {
            Name = "Kubeconfig for the cluster",
            Env =
            [
                new("CLUSTER", Expr.Matrix(ClusterMatrix.Cluster)),
                new("KUBE_CONTEXT", Expr.Matrix(ClusterMatrix.KubeContext)),
                new("REGION", Expr.Matrix(ClusterMatrix.Region)),
            ],
        };
}
