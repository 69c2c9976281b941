using System.Text.Json.Nodes;

namespace Pipelines.TestServers.GitHub;

public sealed partial class GitHubApiTestServer
{
    private GitHubReply ListPulls(StoredRepository repo, ApiCall call)
    {
        var state = call.Query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var head = call.Query["head"].ToString();
        var baseBranch = call.Query["base"].ToString();
        IEnumerable<StoredPullRequest> pulls = repo.Pulls.Where(p =>
            state == "all" || p.State == state
        );
        // GitHub only filters by head given as owner:branch; a bare branch name is ignored.
        if (head.Contains(':'))
        {
            pulls = pulls.Where(p => p.HeadLabel.Equals(head, StringComparison.OrdinalIgnoreCase));
        }
        if (baseBranch.Length > 0)
        {
            pulls = pulls.Where(p => p.Base == baseBranch);
        }
        var byUpdate = call.Query["sort"] == "updated";
        var ascending = call.Query["direction"] == "asc";
        pulls = ascending
            ? pulls.OrderBy(p => byUpdate ? p.UpdatedAt : p.CreatedAt).ThenBy(p => p.Number)
            : pulls
                .OrderByDescending(p => byUpdate ? p.UpdatedAt : p.CreatedAt)
                .ThenByDescending(p => p.Number);
        return GitHubPaging.Page(
            [.. pulls],
            p => _shapes.PullRequest(repo, p),
            call.Query,
            _shapes.Api($"repos/{repo.FullName}/pulls")
        );
    }

    private GitHubReply CreatePull(StoredRepository repo, ApiCall call)
    {
        var json = call.Json() as JsonObject ?? throw new GitHubError(400, "Problems parsing JSON");
        var title = Text(json, "title");
        var head = Text(json, "head");
        var baseBranch = Text(json, "base");
        foreach (
            var (field, value) in new[] { ("title", title), ("head", head), ("base", baseBranch) }
        )
        {
            if (value.Length == 0)
            {
                throw GitHubError.Validation("PullRequest", "missing_field", field);
            }
        }
        var headOwner = head.Contains(':') ? head[..head.IndexOf(':')] : repo.Owner;
        var headRef = head.Contains(':') ? head[(head.IndexOf(':') + 1)..] : head;
        if (!repo.Branches.ContainsKey(baseBranch))
        {
            throw GitHubError.Validation("PullRequest", "invalid", "base");
        }
        if (
            !headOwner.Equals(repo.Owner, StringComparison.OrdinalIgnoreCase)
            || !repo.Branches.TryGetValue(headRef, out var hasCommits)
        )
        {
            throw GitHubError.Validation("PullRequest", "invalid", "head");
        }
        var label = $"{repo.Owner}:{headRef}";
        RefuseDuplicate(repo, label, baseBranch);
        if (!hasCommits || headRef == baseBranch)
        {
            throw GitHubError.Validation(
                "PullRequest",
                "custom",
                message: $"No commits between {baseBranch} and {headRef}"
            );
        }
        var now = DateTimeOffset.UtcNow;
        var pr = new StoredPullRequest(
            NextId(),
            repo.NextNumber++,
            repo.Owner,
            headRef,
            baseBranch,
            title,
            Text(json, "body"),
            "open",
            [],
            call.Caller.Login,
            now,
            now
        );
        repo.Pulls.Add(pr);
        return new GitHubReply(201, _shapes.PullRequest(repo, pr)).With(
            "Location",
            _shapes.Api($"repos/{repo.FullName}/pulls/{pr.Number}")
        );
    }

    private GitHubReply UpdatePull(StoredRepository repo, StoredPullRequest pr, ApiCall call)
    {
        var json = call.Json() as JsonObject ?? throw new GitHubError(400, "Problems parsing JSON");
        var state = json["state"]?.GetValue<string>() ?? pr.State;
        if (state is not ("open" or "closed"))
        {
            throw GitHubError.Validation("PullRequest", "invalid", "state");
        }
        var baseBranch = json["base"]?.GetValue<string>() ?? pr.Base;
        if (!repo.Branches.ContainsKey(baseBranch))
        {
            throw GitHubError.Validation("PullRequest", "invalid", "base");
        }
        if (state == "open" && (!pr.IsOpen || baseBranch != pr.Base))
        {
            RefuseDuplicate(repo, pr.HeadLabel, baseBranch, except: pr.Number);
        }
        var title = json["title"]?.GetValue<string>() ?? pr.Title;
        if (title.Trim().Length == 0)
        {
            throw GitHubError.Validation("PullRequest", "missing_field", "title");
        }
        var updated = pr with
        {
            Title = title,
            Body = json["body"]?.GetValue<string>() ?? pr.Body,
            State = state,
            Base = baseBranch,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        repo.Replace(updated);
        return GitHubReply.Ok(_shapes.PullRequest(repo, updated));
    }

    /// <summary>POST issues/{n}/labels takes <c>["a"]</c> or <c>{"labels": ["a"]}</c>; unknown labels are created.</summary>
    private GitHubReply AddLabels(StoredRepository repo, StoredPullRequest pr, ApiCall call)
    {
        var json = call.Json();
        var list = (json as JsonObject)?["labels"] as JsonArray ?? json as JsonArray;
        var names =
            list?.Select(n => n?.GetValue<string>() ?? "").ToList()
            ?? throw GitHubError.Validation("Label", "missing_field", "labels");
        if (names.Any(n => n.Trim().Length == 0))
        {
            throw GitHubError.Validation("Label", "missing_field", "name");
        }
        var labels = pr.Labels.Union(names, StringComparer.OrdinalIgnoreCase).ToList();
        var updated = pr with { Labels = labels, UpdatedAt = DateTimeOffset.UtcNow };
        repo.Replace(updated);
        return GitHubReply.Ok(
            new JsonArray([.. labels.Select(l => (JsonNode)_shapes.Label(repo, l))])
        );
    }

    /// <summary>GitHub allows one open pull request per head and base.</summary>
    private static void RefuseDuplicate(
        StoredRepository repo,
        string label,
        string baseBranch,
        int except = 0
    )
    {
        if (
            repo.Pulls.Any(p =>
                p.IsOpen
                && p.Number != except
                && p.Base == baseBranch
                && p.HeadLabel.Equals(label, StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            throw GitHubError.Validation(
                "PullRequest",
                "custom",
                message: $"A pull request already exists for {label}."
            );
        }
    }

    private static string Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
