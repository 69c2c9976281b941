namespace Pipelines.TestServers.GitHub;

public sealed partial class GitHubApiTestServer
{
    /// <summary>Accepts <paramref name="token"/> for <paramref name="login"/>; a read-only token gets 403 on writes.</summary>
    public void AddToken(string token, string login, bool canWrite = true)
    {
        lock (_gate)
        {
            _tokens[token] = new TokenGrant(login, 1000 + _tokens.Count, canWrite);
        }
    }

    /// <summary>Creates a repository with its default branch (which has no commits ahead of itself).</summary>
    public void AddRepository(string owner, string name, string defaultBranch = "main")
    {
        lock (_gate)
        {
            _repos[$"{owner}/{name}"] = new StoredRepository(owner, name, NextId(), defaultBranch);
        }
    }

    /// <summary>
    /// Declares a pushed branch. <paramref name="hasCommits"/>: whether it has commits its pull request's base
    /// lacks; false makes creating the pull request fail as GitHub does ("No commits between main and ...").
    /// </summary>
    public void AddBranch(string owner, string name, string branch, bool hasCommits = true)
    {
        lock (_gate)
        {
            Repo(owner, name).Branches[branch] = hasCommits;
        }
    }

    /// <summary>Puts a pull request in place directly (a branch it names is declared too), e.g. a closed one.</summary>
    public StoredPullRequest SeedPullRequest(
        string owner,
        string name,
        string head,
        string baseBranch,
        string title,
        string state = "open",
        string body = "",
        string author = "octocat",
        params string[] labels
    )
    {
        lock (_gate)
        {
            var repo = Repo(owner, name);
            repo.Branches.TryAdd(head, true);
            repo.Branches.TryAdd(baseBranch, false);
            var now = DateTimeOffset.UtcNow;
            var pr = new StoredPullRequest(
                NextId(),
                repo.NextNumber++,
                repo.Owner,
                head,
                baseBranch,
                title,
                body,
                state,
                labels,
                author,
                now,
                now
            );
            repo.Pulls.Add(pr);
            return pr;
        }
    }

    /// <summary>Puts a comment on a pull request directly, as another user would have written it.</summary>
    public StoredComment SeedComment(
        string owner,
        string name,
        int number,
        string body,
        string author
    )
    {
        lock (_gate)
        {
            var repo = Repo(owner, name);
            if (repo.Pull(number) is null)
            {
                throw new InvalidOperationException(
                    $"{owner}/{name} has no pull request #{number}"
                );
            }
            var now = DateTimeOffset.UtcNow;
            var comment = new StoredComment(NextId(), number, body, author, now, now);
            repo.Comments.Add(comment);
            return comment;
        }
    }

    public IReadOnlyList<StoredPullRequest> PullRequests(string owner, string name)
    {
        lock (_gate)
        {
            return [.. Repo(owner, name).Pulls];
        }
    }

    public IReadOnlyList<StoredComment> Comments(string owner, string name, int number)
    {
        lock (_gate)
        {
            return [.. Repo(owner, name).Comments.Where(c => c.IssueNumber == number)];
        }
    }

    private StoredRepository Repo(string owner, string name) =>
        _repos.TryGetValue($"{owner}/{name}", out var repo)
            ? repo
            : throw new InvalidOperationException(
                $"The test server has no repository {owner}/{name}"
            );
}
