using System.Text.Json.Nodes;

namespace Pipelines.TestServers.GitHub;

public sealed partial class GitHubApiTestServer
{
    /// <summary>GitHub's limit on a comment body.</summary>
    public const int MaxCommentLength = 65536;

    private GitHubReply ListComments(StoredRepository repo, StoredPullRequest pr, ApiCall call) =>
        GitHubPaging.Page(
            [.. repo.Comments.Where(c => c.IssueNumber == pr.Number).OrderBy(c => c.Id)],
            c => _shapes.Comment(repo, c),
            call.Query,
            _shapes.Api($"repos/{repo.FullName}/issues/{pr.Number}/comments")
        );

    private GitHubReply CreateComment(StoredRepository repo, StoredPullRequest pr, ApiCall call)
    {
        var body = CommentBody(call);
        var now = DateTimeOffset.UtcNow;
        var comment = new StoredComment(NextId(), pr.Number, body, call.Caller.Login, now, now);
        repo.Comments.Add(comment);
        return new GitHubReply(201, _shapes.Comment(repo, comment)).With(
            "Location",
            _shapes.Api($"repos/{repo.FullName}/issues/comments/{comment.Id}")
        );
    }

    private GitHubReply UpdateComment(StoredRepository repo, StoredComment comment, ApiCall call)
    {
        var updated = comment with { Body = CommentBody(call), UpdatedAt = DateTimeOffset.UtcNow };
        repo.Comments[repo.Comments.IndexOf(comment)] = updated;
        return GitHubReply.Ok(_shapes.Comment(repo, updated));
    }

    private static string CommentBody(ApiCall call)
    {
        var body =
            (call.Json() as JsonObject)?["body"] is JsonValue value
            && value.TryGetValue<string>(out var text)
                ? text
                : "";
        if (body.Trim().Length == 0)
        {
            throw GitHubError.Validation("IssueComment", "missing_field", "body");
        }
        if (body.Length > MaxCommentLength)
        {
            throw GitHubError.Validation(
                "IssueComment",
                "custom",
                "body",
                $"Body is too long (maximum is {MaxCommentLength} characters)"
            );
        }
        return body;
    }
}
