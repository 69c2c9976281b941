using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;
using Pipelines.GitHubActions.Review;
using Pipelines.Helmfile;

/// <summary>review.yml, the Helmfile review of pull requests, posted as one comment by PostReviewComment.</summary>
partial class Build
{
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
