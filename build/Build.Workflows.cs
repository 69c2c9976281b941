using Pipelines.ConfigRepo;
using Pipelines.GitHubActions;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.GitHubActions.Review;
using Pipelines.Helmfile;
using Pipelines.Images;
using Pipelines.Sync;

/// <summary>
/// The CI and CD pipelines, declared against the build's targets; <c>./build.sh GenerateWorkflows</c> writes them to
/// <c>.github/workflows/</c> with the cluster matrices read from helmfile/clusters.yaml. The repository needs the secrets
/// AWS_ROLE_ARN (an IAM role trusting this repository's OIDC tokens; per GitHub environment for the sync jobs) and
/// CONFIG_REPO_TOKEN (contents and pull-requests write on the config repo: a push with GITHUB_TOKEN would not start cd.yml).
/// </summary>
partial class Build : IGitHubWorkflows, IPullRequestReview
{
    const string App = "web";

    /// <summary>Where CI pushes images: the ECR of the AWS account the role belongs to, in this region.</summary>
    const string EcrRegion = "ap-northeast-1";

    /// <summary>The sample's base image on GitHub's runners (the tests build their own FROM-scratch base).</summary>
    const string CiBaseImage = "docker.io/library/busybox:1.37";
    static readonly string IsPullRequest = "github.event_name == 'pull_request'";
    static readonly string IsPush = "github.event_name == 'push'";

    IReadOnlyList<Workflow> IGitHubWorkflows.Workflows(WorkflowContext context) =>
        [CiWorkflow(), CdWorkflow(context), ReviewWorkflow(context), DriftWorkflow(context)];

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
                    Name = nameof(IConfigRepoBump.BumpK8sConfig),
                    Needs = ["push-image"],
                    TimeoutMinutes = 10,
                    Steps =
                    [
                        .. SetupSteps.Build(),
                        new BuildStep(nameof(IConfigRepoBump.BumpK8sConfig))
                        {
                            Name =
                                "BumpK8sConfig (test and stage as commits, prod as a pull request)",
                            Parameters =
                            [
                                new(nameof(IContainerImage.App), App),
                                new(nameof(IHelmfileRender.Env), "test"),
                                new(nameof(IConfigRepoBump.AlsoEnv), ["stage", "prod"]),
                                new(
                                    nameof(IConfigRepoBump.Image),
                                    Expr.NeedsOutput("push-image", "reference")
                                ),
                                new(
                                    nameof(IConfigRepoBump.GitHubToken),
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

    /// <summary>CD: render every environment with the removed-API check, then sync test, stage and prod in turn.</summary>
    static Workflow CdWorkflow(WorkflowContext context)
    {
        var environments = context.Environments;
        var jobs = new List<Job>
        {
            new()
            {
                Id = "render",
                Name = nameof(IHelmfileRender.RenderHelmfile),
                TimeoutMinutes = 15,
                Strategy = new(
                    new Matrix(
                        environments.Select(e => new MatrixRow((ClusterMatrix.Env, e))).ToList()
                    )
                ),
                Steps =
                [
                    .. SetupSteps.Build(),
                    new BuildStep(nameof(IHelmfileRender.RenderHelmfile))
                    {
                        Name = "RenderHelmfile (with the removed-API check)",
                        Parameters =
                        [
                            new(nameof(IHelmfileRender.Env), Expr.Matrix(ClusterMatrix.Env)),
                        ],
                    },
                ],
            },
        };
        foreach (var environment in environments)
        {
            jobs.Add(SyncJob(context, environment, needs: jobs[^1].Id));
        }
        return new()
        {
            FileName = "cd.yml",
            Name = "CD",
            On = new()
            {
                Push = new() { Branches = ["main"], Paths = ["helmfile/**", "charts/**"] },
                WorkflowDispatch = new(),
            },
            Jobs = jobs,
        };
    }

    /// <summary>
    /// Sync of one environment, a leg per live cluster. One sync per cluster at a time: a newer run waits, and
    /// replaces a run still waiting; in test and stage it cancels the one in progress, in prod never.
    /// </summary>
    static Job SyncJob(WorkflowContext context, string environment, string needs) =>
        new()
        {
            Id = $"sync-{environment}",
            Name = $"Sync {environment}",
            Needs = [needs],
            Environment = new(environment),
            Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
            Concurrency = new(
                $"sync-{environment}-{Expr.Matrix(ClusterMatrix.Cluster)}",
                CancelInProgress: environment != "prod"
            ),
            TimeoutMinutes = 30,
            Strategy = ClusterMatrix.For(
                context.LiveClusters(environment),
                $"environment {environment}"
            ),
            Steps =
            [
                .. SetupSteps.Build(),
                SetupSteps.AwsCredentials(Expr.Matrix(ClusterMatrix.Region)),
                SetupSteps.Kubeconfig(),
                new BuildStep(nameof(ISync.Sync))
                {
                    Parameters =
                    [
                        new(nameof(IHelmfileRender.Env), environment),
                        new(nameof(IHelmfileRender.Cluster), Expr.Matrix(ClusterMatrix.Cluster)),
                        BuildArgument.Flag(nameof(ISync.Prune)),
                    ],
                },
            ],
        };

    /// <summary>Drift: Sync --check of every live cluster on a schedule; exit 2 fails the leg, the diff goes to the summary.</summary>
    static Workflow DriftWorkflow(WorkflowContext context) =>
        new()
        {
            FileName = "drift.yml",
            Name = "Drift",
            On = new() { Schedules = ["17 */6 * * *"], WorkflowDispatch = new() },
            Concurrency = new("drift", CancelInProgress: true),
            Jobs =
            [
                new()
                {
                    Id = "drift",
                    Name = "Sync --check",
                    Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                    TimeoutMinutes = 20,
                    Strategy = ClusterMatrix.For(context.LiveClusters(), "the drift check"),
                    Steps =
                    [
                        .. SetupSteps.Build(),
                        SetupSteps.AwsCredentials(Expr.Matrix(ClusterMatrix.Region)),
                        SetupSteps.Kubeconfig(),
                        new BuildStep(nameof(ISync.Sync))
                        {
                            Name = "Sync --check (exit 2: drift, shown in the job summary)",
                            Parameters =
                            [
                                new(nameof(IHelmfileRender.Env), Expr.Matrix(ClusterMatrix.Env)),
                                new(
                                    nameof(IHelmfileRender.Cluster),
                                    Expr.Matrix(ClusterMatrix.Cluster)
                                ),
                                BuildArgument.Flag(nameof(ISync.Check)),
                            ],
                        },
                    ],
                },
            ],
        };

    /// <summary>
    /// The Helmfile review: every live cluster rendered at the pull request's base and diffed at its merge commit
    /// (with the removed-API check); the diffs become one pull-request comment.
    /// </summary>
    static Workflow ReviewWorkflow(WorkflowContext context)
    {
        var renderParameters = new BuildArgument[]
        {
            new(nameof(IHelmfileRender.Env), Expr.Matrix(ClusterMatrix.Env)),
            new(nameof(IHelmfileRender.Cluster), Expr.Matrix(ClusterMatrix.Cluster)),
        };
        return new()
        {
            FileName = "review.yml",
            Name = "Helmfile review",
            On = new() { PullRequest = new() { Paths = ["helmfile/**", "charts/**"] } },
            Concurrency = new(
                "review-${{ github.event.pull_request.number }}",
                CancelInProgress: true
            ),
            Jobs =
            [
                new()
                {
                    Id = "render",
                    Name = "RenderHelmfile --diff",
                    TimeoutMinutes = 15,
                    Strategy = ClusterMatrix.For(context.LiveClusters(), "the review"),
                    Steps =
                    [
                        // The merge commit's first parent is the base branch: the diff is what merging would change.
                        .. SetupSteps.Build(fetchDepth: 2),
                        new RunStep("git checkout --quiet --detach HEAD^1\n")
                        {
                            Name = "Check out the base",
                        },
                        new BuildStep(nameof(IHelmfileRender.RenderHelmfile))
                        {
                            Name =
                                "Render the base (a new cluster has none: everything shows as added)",
                            Parameters = renderParameters,
                            ContinueOnError = true,
                        },
                        new RunStep("git checkout --quiet --detach \"$GITHUB_SHA\"\n")
                        {
                            Name = "Check out the pull request",
                        },
                        new BuildStep(nameof(IHelmfileRender.RenderHelmfile))
                        {
                            Name = "RenderHelmfile --diff (exit 2: the render changed)",
                            Parameters =
                            [
                                .. renderParameters,
                                BuildArgument.Flag(nameof(IHelmfileRender.Diff)),
                                new(
                                    nameof(IHelmfileRender.DiffFile),
                                    $"{ReviewDirectory}/{Expr.Matrix(ClusterMatrix.Cluster)}.diff"
                                ),
                            ],
                            AcceptedExitCodes = [0, 2],
                        },
                        new ActionStep(Actions.UploadArtifact)
                        {
                            Name = "Keep the diff for the comment",
                            With =
                            [
                                new("name", $"review-{Expr.Matrix(ClusterMatrix.Cluster)}"),
                                new("path", $"{ReviewDirectory}/"),
                                new("if-no-files-found", "error"),
                                new("retention-days", "1"),
                            ],
                        },
                    ],
                },
                new()
                {
                    Id = "comment",
                    Name = nameof(IPullRequestReview.PostReviewComment),
                    Needs = ["render"],
                    // Also after failed renders (the comment names them); not for forks, whose token cannot comment.
                    If =
                        "!cancelled() && github.event.pull_request.head.repo.full_name == github.repository",
                    Permissions = Permissions.ReadContentsAndWrite(Scope.PullRequests),
                    TimeoutMinutes = 10,
                    Steps =
                    [
                        .. SetupSteps.Build(),
                        new ActionStep(Actions.DownloadArtifact)
                        {
                            Name = "The diffs of every cluster",
                            With =
                            [
                                new("pattern", "review-*"),
                                new("path", ReviewDirectory),
                                new("merge-multiple", "true"),
                            ],
                        },
                        new BuildStep(nameof(IPullRequestReview.PostReviewComment))
                        {
                            Parameters =
                            [
                                new(nameof(IPullRequestReview.ReviewDirectory), ReviewDirectory),
                                new(
                                    nameof(IPullRequestReview.PullRequest),
                                    Expr.Of("github.event.pull_request.number")
                                ),
                                new(
                                    nameof(IPullRequestReview.GitHubToken),
                                    Expr.Secret("GITHUB_TOKEN")
                                ),
                            ],
                        },
                    ],
                },
            ],
        };
    }

    const string ReviewDirectory = ".nuke/temp/review";
}
