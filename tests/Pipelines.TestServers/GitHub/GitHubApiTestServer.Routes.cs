namespace Pipelines.TestServers.GitHub;

public sealed partial class GitHubApiTestServer
{
    /// <summary>Dispatches by method and path shape; anything else is GitHub's 404 (also for a wrong method).</summary>
    private GitHubReply Route(ApiCall call)
    {
        var s = call.Segments;
        if (s is ["user"] && call.Method == "GET")
        {
            return GitHubReply.Ok(_shapes.User(call.Caller.Login));
        }
        if (s is not ["repos", var owner, var name, ..])
        {
            throw GitHubError.NotFound();
        }
        if (!_repos.TryGetValue($"{owner}/{name}", out var repo))
        {
            throw GitHubError.NotFound();
        }
        var write = call.Method is "POST" or "PATCH" or "PUT" or "DELETE";
        if (write && !call.Caller.CanWrite)
        {
            throw GitHubError.Forbidden();
        }
        return (call.Method, s[3..]) switch
        {
            ("GET", []) => GitHubReply.Ok(_shapes.Repository(repo)),
            ("GET", ["pulls"]) => ListPulls(repo, call),
            ("POST", ["pulls"]) => CreatePull(repo, call),
            ("GET", ["pulls", var n]) => GitHubReply.Ok(_shapes.PullRequest(repo, Pull(repo, n))),
            ("PATCH", ["pulls", var n]) => UpdatePull(repo, Pull(repo, n), call),
            ("POST", ["issues", var n, "labels"]) => AddLabels(repo, Pull(repo, n), call),
            ("GET", ["issues", var n, "comments"]) => ListComments(repo, Pull(repo, n), call),
            ("POST", ["issues", var n, "comments"]) => CreateComment(repo, Pull(repo, n), call),
            ("GET", ["issues", "comments", var id]) => GitHubReply.Ok(
                _shapes.Comment(repo, Comment(repo, id))
            ),
            ("PATCH", ["issues", "comments", var id]) => UpdateComment(
                repo,
                Comment(repo, id),
                call
            ),
            _ => throw GitHubError.NotFound(),
        };
    }

    private static StoredPullRequest Pull(StoredRepository repo, string number) =>
        int.TryParse(number, out var n) && repo.Pull(n) is { } pr
            ? pr
            : throw GitHubError.NotFound();

    private static StoredComment Comment(StoredRepository repo, string id) =>
        long.TryParse(id, out var n) && repo.Comments.Find(c => c.Id == n) is { } comment
            ? comment
            : throw GitHubError.NotFound();
}
