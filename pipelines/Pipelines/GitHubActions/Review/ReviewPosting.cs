using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GitHubActions.Api;

namespace Pipelines.GitHubActions.Review;

/// <summary>What PostReviewComment does: read the diffs, write the comment (or print it with --dry-run).</summary>
internal static class ReviewPosting
{
    public static async Task<CommentOutcome?> PostAsync(
        IPullRequestReview build,
        CancellationToken ct
    )
    {
        var clusters = ClustersFile
            .Load(build.ClustersFile, build.RootDirectory)
            .Where(c => c.IsLive)
            .ToList();
        var diffs = await ReadDiffsAsync(build.ReviewDirectory, clusters, ct);
        var body = ReviewComment.Markdown(clusters, diffs, RunUrl());
        Log.StepSummary(body);
        var repository = GitHubRepository.Parse(build.ReviewRepository!);
        if (build.DryRun)
        {
            Log.Info(
                $"[dry-run] would write this comment on {repository} pull request #{build.PullRequest}:\n{body}"
            );
            return null;
        }
        var client = GitHubApi.CreateClient(
            build.GitHubToken
                ?? throw new UsageException(
                    $"PostReviewComment needs a GitHub token: on GitHub Actions set {ParameterNames.Environment(nameof(IPullRequestReview.GitHubToken))} to "
                        + "${{ secrets.GITHUB_TOKEN }}, with pull-requests: write on the job."
                ),
            build.GitHubApiUrl is { } url ? new Uri(url) : null
        );
        return await PullRequestComments.UpsertAsync(
            client,
            repository,
            build.PullRequest!.Value,
            ReviewComment.Marker,
            body,
            ct
        );
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadDiffsAsync(
        AbsolutePath directory,
        IReadOnlyList<ClusterDefinition> clusters,
        CancellationToken ct
    )
    {
        var diffs = new Dictionary<string, string>();
        if (!directory.DirectoryExists)
        {
            // Every render failing leaves no artifact to download: the comment then says so for each cluster.
            Log.Warning(
                $"{directory}: no such folder, so no cluster has a diff. RenderHelmfile --diff --diff-file "
                    + "<folder>/<cluster>.diff writes them; --review-directory names the folder."
            );
            return diffs;
        }
        foreach (var cluster in clusters)
        {
            var file = directory / $"{cluster.Name}.diff";
            if (file.FileExists)
            {
                diffs[cluster.Name] = await File.ReadAllTextAsync(file, ct);
            }
        }
        return diffs;
    }

    /// <summary>The workflow run's page, from the variables GitHub Actions sets.</summary>
    private static string? RunUrl() =>
        Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") is { Length: > 0 } server
        && Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repository
        && Environment.GetEnvironmentVariable("GITHUB_RUN_ID") is { Length: > 0 } run
            ? $"{server}/{repository}/actions/runs/{run}"
            : null;
}
