using Pipelines.ConfigRepo;
using Pipelines.GitHubActions;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.Helmfile;
using Pipelines.Images;

/// <summary>
/// CI, declared against the build's targets; <c>./build.sh GenerateWorkflows</c> writes .github/workflows/ci.yml.
/// Pull requests build the image; main pushes it and bumps it in the config repository, which deploys it.
/// GitHub needs two environments: <c>images</c> with the secret AWS_ROLE_ARN (an IAM role trusting this
/// repository's OIDC tokens, allowed to push to ECR), and <c>config-repo</c>, restricted to the default branch,
/// with the secret CONFIG_REPO_TOKEN (contents and pull-requests write on the config repository only).
/// </summary>
partial class Build
{
    /// <summary>Where CI pushes the image: the ECR of the account AWS_ROLE_ARN belongs to, in this region.</summary>
    const string EcrRegion = "ap-northeast-1";

    /// <summary>The image's base on GitHub's runners: a busybox to serve the static content.</summary>
    const string CiBaseImage = "docker.io/library/busybox:1.37";

    IReadOnlyList<Workflow> IGitHubWorkflows.Workflows(WorkflowContext context) =>
        [
            new()
            {
                FileName = "ci.yml",
                Name = "CI",
                On = new()
                {
                    Push = new() { Branches = ["main"] },
                    PullRequest = new(),
                },
                Concurrency = new("ci-${{ github.ref }}", CancelInProgress: false),
                Jobs =
                [
                    new()
                    {
                        Id = "build-image",
                        Name = nameof(IContainerImage.BuildImage),
                        If = "github.event_name == 'pull_request'",
                        TimeoutMinutes = 20,
                        Steps =
                        [
                            .. SetupSteps.Build(),
                            new BuildStep(nameof(IContainerImage.BuildImage))
                            {
                                Parameters = [BaseImage],
                            },
                        ],
                    },
                    new()
                    {
                        Id = "push-image",
                        Name = nameof(IContainerImage.PushImage),
                        If = "github.event_name == 'push'",
                        Environment = new("images"),
                        Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                        TimeoutMinutes = 20,
                        Outputs = [new("reference", Expr.StepOutput("push", "reference"))],
                        Steps =
                        [
                            .. SetupSteps.Build(),
                            SetupSteps.AwsCredentials(EcrRegion),
                            new BuildStep(nameof(IContainerImage.PushImage))
                            {
                                Name = "BuildImage + PushImage",
                                Id = "push",
                                Parameters =
                                [
                                    BaseImage,
                                    new(
                                        nameof(IContainerImage.Registry),
                                        SetupSteps.EcrRegistry(EcrRegion)
                                    ),
                                ],
                            },
                        ],
                    },
                    new()
                    {
                        Id = "bump-k8s-config",
                        Name = nameof(IBumpK8sConfig.BumpK8sConfig),
                        Needs = ["push-image"],
                        Environment = new("config-repo"),
                        TimeoutMinutes = 10,
                        Steps =
                        [
                            .. SetupSteps.Build(),
                            new BuildStep(nameof(IBumpK8sConfig.BumpK8sConfig))
                            {
                                Name =
                                    "BumpK8sConfig (test and stage as commits, prod as a pull request)",
                                Parameters =
                                [
                                    new(nameof(IHelmfileRender.Env), "test"),
                                    new(nameof(IBumpK8sConfig.AlsoEnv), ["stage", "prod"]),
                                    new(
                                        nameof(IBumpK8sConfig.Image),
                                        Expr.NeedsOutput("push-image", "reference")
                                    ),
                                    new(
                                        nameof(IConfigRepoAccess.GitHubToken),
                                        Expr.Secret("CONFIG_REPO_TOKEN")
                                    ),
                                ],
                            },
                        ],
                    },
                ],
            },
        ];

    static BuildArgument BaseImage =>
        new(nameof(IContainerImage.BuildArg), $"BASE_IMAGE={CiBaseImage}");
}
