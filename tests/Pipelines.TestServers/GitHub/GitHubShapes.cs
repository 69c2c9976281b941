using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipelines.TestServers.GitHub;

/// <summary>
/// The JSON GitHub answers with (snake_case, the fields Octokit reads and the common ones around them), with API
/// URLs under the server's API root and web URLs (html_url) under its base, as on a GitHub Enterprise Server.
/// </summary>
internal sealed class GitHubShapes(Uri api, Uri web, Func<string, long> userId)
{
    public string Api(string path) => new Uri(api, path.TrimStart('/')).ToString();

    public string Web(string path) => new Uri(web, path.TrimStart('/')).ToString();

    public JsonObject User(string login) =>
        new()
        {
            ["login"] = login,
            ["id"] = userId(login),
            ["node_id"] = NodeId("U", userId(login)),
            ["avatar_url"] = Web($"avatars/{login}"),
            ["url"] = Api($"users/{login}"),
            ["html_url"] = Web(login),
            ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
            ["site_admin"] = false,
        };

    public JsonObject Repository(StoredRepository repo) =>
        new()
        {
            ["id"] = repo.Id,
            ["node_id"] = NodeId("R", repo.Id),
            ["name"] = repo.Name,
            ["full_name"] = repo.FullName,
            ["private"] = false,
            ["owner"] = User(repo.Owner),
            ["html_url"] = Web(repo.FullName),
            ["url"] = Api($"repos/{repo.FullName}"),
            ["default_branch"] = repo.DefaultBranch,
        };

    public JsonObject PullRequest(StoredRepository repo, StoredPullRequest pr)
    {
        var self = $"repos/{repo.FullName}/pulls/{pr.Number}";
        return new JsonObject
        {
            ["url"] = Api(self),
            ["id"] = pr.Id,
            ["node_id"] = NodeId("PR", pr.Id),
            ["html_url"] = Web($"{repo.FullName}/pull/{pr.Number}"),
            ["diff_url"] = Web($"{repo.FullName}/pull/{pr.Number}.diff"),
            ["patch_url"] = Web($"{repo.FullName}/pull/{pr.Number}.patch"),
            ["issue_url"] = Api($"repos/{repo.FullName}/issues/{pr.Number}"),
            ["number"] = pr.Number,
            ["state"] = pr.State,
            ["locked"] = false,
            ["title"] = pr.Title,
            ["user"] = User(pr.Author),
            ["body"] = pr.Body.Length == 0 ? null : pr.Body,
            ["labels"] = new JsonArray([.. pr.Labels.Select(l => (JsonNode)Label(repo, l))]),
            ["created_at"] = Time(pr.CreatedAt),
            ["updated_at"] = Time(pr.UpdatedAt),
            ["closed_at"] = pr.IsOpen ? null : Time(pr.UpdatedAt),
            ["merged_at"] = null,
            ["merge_commit_sha"] = null,
            ["draft"] = false,
            ["head"] = Ref(repo, pr.HeadOwner, pr.HeadRef),
            ["base"] = Ref(repo, repo.Owner, pr.Base),
            ["author_association"] = "CONTRIBUTOR",
            ["merged"] = false,
            ["mergeable"] = null,
            ["comments"] = repo.Comments.Count(c => c.IssueNumber == pr.Number),
        };
    }

    public JsonObject Comment(StoredRepository repo, StoredComment comment) =>
        new()
        {
            ["url"] = Api($"repos/{repo.FullName}/issues/comments/{comment.Id}"),
            ["html_url"] = Web(
                $"{repo.FullName}/pull/{comment.IssueNumber}#issuecomment-{comment.Id}"
            ),
            ["issue_url"] = Api($"repos/{repo.FullName}/issues/{comment.IssueNumber}"),
            ["id"] = comment.Id,
            ["node_id"] = NodeId("IC", comment.Id),
            ["user"] = User(comment.Author),
            ["created_at"] = Time(comment.CreatedAt),
            ["updated_at"] = Time(comment.UpdatedAt),
            ["author_association"] = "CONTRIBUTOR",
            ["body"] = comment.Body,
        };

    public JsonObject Label(StoredRepository repo, string name)
    {
        var id = Convert.ToInt64(Hash($"{repo.FullName}#{name}")[..12], 16);
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("LA", id),
            ["url"] = Api($"repos/{repo.FullName}/labels/{Uri.EscapeDataString(name)}"),
            ["name"] = name,
            ["color"] = "ededed",
            ["default"] = false,
            ["description"] = null,
        };
    }

    /// <summary>A branch's head commit: stable per repository and branch, which is all a client can compare.</summary>
    public static string Sha(string repo, string branch) => Hash($"{repo}:{branch}");

    private JsonObject Ref(StoredRepository repo, string owner, string branch) =>
        new()
        {
            ["label"] = $"{owner}:{branch}",
            ["ref"] = branch,
            ["sha"] = Sha(repo.FullName, branch),
            ["user"] = User(owner),
            ["repo"] = Repository(repo),
        };

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string NodeId(string prefix, long id) =>
        $"{prefix}_{Convert.ToBase64String(BitConverter.GetBytes(id)).TrimEnd('=')}";

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
