using System.Globalization;
using Octokit;
using Pipelines.Engine;

namespace Pipelines.GitHubActions.Api;

/// <summary>
/// Keeps one comment per purpose on a pull request (the rendered helmfile diff, say): the comment starts with
/// an HTML comment <c>&lt;!-- marker --&gt;</c> that GitHub does not show, and each run edits the comment that starts
/// with it instead of adding another. Comments that merely quote the marker are left alone.
/// </summary>
internal static class PullRequestComments
{
    /// <summary>GitHub rejects longer comment bodies (422 "Body is too long").</summary>
    public const int MaxBodyLength = 65536;

    /// <summary>
    /// Edits the earliest comment on the pull request that starts with the marker (looking through every page of
    /// comments), or creates one. An unchanged body is not written again. A body too long for GitHub is cut at a
    /// line end, with a last line saying how much was left out.
    /// </summary>
    public static async Task<CommentOutcome> UpsertAsync(
        IGitHubClient client,
        GitHubRepository repo,
        int pullRequestNumber,
        string marker,
        string body,
        CancellationToken ct
    )
    {
        var header = MarkerLine(marker);
        if (pullRequestNumber <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(pullRequestNumber),
                pullRequestNumber,
                "A pull request number is 1 or more."
            );
        }
        var text = Fit(header + "\n" + body);
        var operation = new GitHubOperation(
            repo,
            $"write the '{marker}' comment on pull request #{pullRequestNumber}"
        )
        {
            ValidationHint = "GitHub did not accept the comment body.",
            NotFoundHint =
                $"pull request #{pullRequestNumber} does not exist in {repo}, or the repository does not exist or the "
                + "token cannot see it (GITHUB_TOKEN only reaches the workflow's own repository)",
        };
        var outcome = await GitHubCalls.RunAsync(
            client,
            operation,
            token => UpsertOnceAsync(client, repo, pullRequestNumber, header, text, token),
            ct
        );
        Log.Info(
            $"{(outcome.Created ? "Commented" : "Updated the comment")} on pull request #{pullRequestNumber}: {outcome.Url}"
        );
        return outcome;
    }

    private static async Task<CommentOutcome> UpsertOnceAsync(
        IGitHubClient client,
        GitHubRepository repo,
        int number,
        string header,
        string text,
        CancellationToken ct
    )
    {
        var comments = await client
            .Issue.Comment.GetAllForIssue(
                repo.Owner,
                repo.Name,
                number,
                new ApiOptions { PageSize = 100 }
            )
            .WaitAsync(ct);
        var mine = comments
            .Where(c => (c.Body ?? "").TrimStart().StartsWith(header, StringComparison.Ordinal))
            .OrderBy(c => c.Id)
            .FirstOrDefault();
        if (mine is null)
        {
            var created = await client
                .Issue.Comment.Create(repo.Owner, repo.Name, number, text)
                .WaitAsync(ct);
            return new CommentOutcome(created.Id, created.HtmlUrl, Created: true);
        }
        if (mine.Body != text)
        {
            await client.Issue.Comment.Update(repo.Owner, repo.Name, mine.Id, text).WaitAsync(ct);
        }
        return new CommentOutcome(mine.Id, mine.HtmlUrl, Created: false);
    }

    /// <summary>The first line of the comment: an HTML comment, invisible on GitHub.</summary>
    internal static string MarkerLine(string marker)
    {
        if (
            string.IsNullOrWhiteSpace(marker)
            || marker.Contains("--", StringComparison.Ordinal)
            || marker.Contains('>')
            || marker.Any(char.IsControl)
        )
        {
            throw new ArgumentException(
                $"The comment marker '{marker}' must be non-empty text on one line without '--' or '>' "
                    + "(it is written inside an HTML comment), e.g. pipelines:helmfile-review.",
                nameof(marker)
            );
        }
        return $"<!-- {marker.Trim()} -->";
    }

    private static string Fit(string text)
    {
        if (text.Length <= MaxBodyLength)
        {
            return text;
        }
        // Room for the note, whose number has at most as many digits as the length.
        var room = MaxBodyLength - 120;
        var cut = text.LastIndexOf('\n', room - 1);
        cut = cut > 0 ? cut : room;
        var left = (text.Length - cut).ToString("N0", CultureInfo.InvariantCulture);
        var kept = text[..cut];
        // A diff is usually in a fenced block: close it, or the note would render as code.
        var fences = kept.Split('\n')
            .Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        return kept
            + (fences % 2 == 1 ? "\n```" : "")
            + $"\n\n_(cut short: {left} more characters did not fit in a GitHub comment; see the job's log)_";
    }
}
