using Pipelines.ConfigRepo;
using Pipelines.GitHubActions;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.GitHubActions.Review;
using Pipelines.Helmfile;
using Pipelines.Images;

/// <summary>
/// The CI and CD pipelines, declared against the build's targets; <c>./build.sh GenerateWorkflows</c> writes them to
/// <c>.github/workflows/</c> with the cluster matrices read from helmfile/clusters.yaml. Every job that takes AWS
/// credentials runs in a GitHub environment whose secret AWS_ROLE_ARN names a role trusting only that environment's
/// OIDC token (docs/iam-trust-policies.md, generated); CONFIG_REPO_TOKEN (contents and pull-requests write on the config
/// repo: a push with GITHUB_TOKEN would not start cd.yml) is a secret of the environments whose jobs bump
/// (config-repo, &lt;env&gt;-lifecycle) only. docs/security-model.md says who can do what, and why.
/// </summary>
partial class Build : IGitHubWorkflows, IPullRequestReview
{
    const string App = "web";

    /// <summary>Where CI pushes images: the ECR of the AWS account the role belongs to, in this region.</summary>
    const string EcrRegion = "ap-northeast-1";

    /// <summary>
    /// The sample's base image on GitHub's runners (the tests build their own FROM-scratch base), pinned by digest so a
    /// re-pushed tag cannot change what CI builds. The digest is the one several independent public repositories pin
    /// for busybox:1.37; check it with <c>skopeo inspect --raw docker://docker.io/library/busybox:1.37 | sha256sum</c>
    /// when moving the tag.
    /// </summary>
    const string CiBaseImage =
        "docker.io/library/busybox:1.37@sha256:9db7b59979c38555a39def84a31fb98b5296952f9e3afd4f6f11f05b07adfab0";

    /// <summary>The branch every sync, bump and lifecycle run comes from (see <see cref="BranchGuard"/>).</summary>
    const string DefaultBranch = "main";

    /// <summary>The GitHub environment of the image push: its role may push to ECR and nothing else.</summary>
    const string RegistryEnvironment = "registry";

    /// <summary>The GitHub environment holding CONFIG_REPO_TOKEN, restricted to the default branch.</summary>
    const string ConfigRepoEnvironment = "config-repo";
    static readonly string IsPullRequest = "github.event_name == 'pull_request'";
    static readonly string IsPush = "github.event_name == 'push'";

    IReadOnlyList<Workflow> IGitHubWorkflows.Workflows(WorkflowContext context) =>
        [
            CiWorkflow(),
            CdWorkflow(context),
            ReviewWorkflow(context),
            DriftWorkflow(context),
            ProvisionWorkflow(context),
        ];

    /// <summary>CI: pull requests build the image; main builds and pushes it, then bumps its tag in the config.</summary>
    static Workflow CiWorkflow() =>
        new()
        {
            FileName = "ci.yml",
            Name = "CI",
            On = new()
            {
                Push = new() { Branches = ["main"], Paths = ["samples/**"] },
                PullRequest = new() { Paths = ["samples/**"] },
            },
            // A bump is never cancelled half-pushed: a newer run waits for it.
            Concurrency = new("ci-${{ github.ref }}", CancelInProgress: false),
            Jobs =
            [
                new()
                {
                    Id = "build-image",
                    Name = nameof(IContainerImage.BuildImage),
                    If = IsPullRequest,
                    TimeoutMinutes = 20,
                    Steps =
                    [
                        .. SetupSteps.Build(),
                        new BuildStep(nameof(IContainerImage.BuildImage))
                        {
                            Parameters = [new(nameof(IContainerImage.App), App), BaseImage],
                        },
                    ],
                },
                new()
                {
                    Id = "push-image",
                    Name = nameof(IContainerImage.PushImage),
                    If = IsPush,
                    Environment = new(RegistryEnvironment),
                    Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                    TimeoutMinutes = 20,
                    Outputs =
                    [
                        new("digest", Expr.StepOutput("push", "digest")),
                        new("reference", Expr.StepOutput("push", "reference")),
                    ],
                    Steps =
                    [
                        .. SetupSteps.Build(),
                        SetupSteps.AwsCredentials(EcrRegion),
                        new BuildStep(nameof(IContainerImage.PushImage))
                        {
                            Name = "BuildImage + PushImage (images do not travel between jobs)",
                            Id = "push",
                            Parameters =
                            [
                                new(nameof(IContainerImage.App), App),
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
                    // The only CI job with CONFIG_REPO_TOKEN: the token is a secret of this environment alone.
                    Environment = new(ConfigRepoEnvironment),
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
                                new(nameof(IContainerImage.App), App),
                                new(nameof(IHelmfileRender.Env), "test"),
                                new(nameof(IBumpK8sConfig.AlsoEnv), ["stage", "prod"]),
                                new(
                                    nameof(IBumpK8sConfig.Image),
                                    Expr.NeedsOutput("push-image", "reference")
                                ),
                                new(
                                    nameof(IBumpK8sConfig.GitHubToken),
                                    Expr.Secret("CONFIG_REPO_TOKEN")
                                ),
                            ],
                        },
                    ],
                },
            ],
            HandOffs = [new("bump-k8s-config", "cd.yml", "render", "commit to helmfile/values")],
        };

    static BuildArgument BaseImage =>
        new(nameof(IContainerImage.BuildArg), $"BASE_IMAGE={CiBaseImage}");
}
