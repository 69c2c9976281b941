using Pipelines.Engine;
using Pipelines.Helmfile;

namespace Pipelines.GitHubActions.Review;

/// <summary>
/// PostReviewComment as a component: <c>class Build : PipelineBuild, IPullRequestReview</c>. Posts the Helmfile
/// review (the per-cluster diffs RenderHelmfile <c>--diff --diff-file</c> wrote) as one pull-request comment, which
/// every later push edits instead of adding another.
/// </summary>
public interface IPullRequestReview : IHelmfileRender
{
    [Parameter(
        "The folder of <cluster>.diff files, one per live cluster, written by RenderHelmfile --diff-file"
    )]
    AbsolutePath ReviewDirectory =>
        TryGetValue(() => ReviewDirectory) ?? TemporaryDirectory / "review";

    [Parameter(
        "The pull request to comment on (on GitHub Actions: github.event.pull_request.number)"
    )]
    int? PullRequest => TryGetValue(() => PullRequest);

    [Parameter("The pull request's repository, owner/name (default: GITHUB_REPOSITORY)")]
    string? ReviewRepository =>
        TryGetValue(() => ReviewRepository)
        ?? Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");

    [
        Parameter(
            "A GitHub token that may write pull-request comments (on GitHub Actions: GITHUB_TOKEN)"
        ),
        Secret
    ]
    string? GitHubToken => TryGetValue(() => GitHubToken);

    [Parameter("The GitHub API URL (default: GITHUB_API_URL, else https://api.github.com)")]
    string? GitHubApiUrl => TryGetValue(() => GitHubApiUrl);

    Target PostReviewComment =>
        _ =>
            _.Description(
                    "Post the rendered helmfile diffs of every live cluster as one pull-request comment, updated on each push"
                )
                .Requires(() => PullRequest)
                .Requires(() => ReviewRepository)
                .Executes(async ct =>
                {
                    var outcome = await ReviewPosting.PostAsync(this, ct);
                    if (outcome is not null)
                    {
                        Report("comment", outcome.Url);
                    }
                });
}
