namespace Pipelines.TestServers.GitHub;

/// <summary>A pull request as the fake GitHub holds it; a snapshot, replaced on every change.</summary>
public sealed record StoredPullRequest(
    long Id,
    int Number,
    string HeadOwner,
    string HeadRef,
    string Base,
    string Title,
    string Body,
    string State,
    IReadOnlyList<string> Labels,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    /// <summary><c>owner:branch</c>, as GitHub's <c>head.label</c> and the <c>head</c> list filter write it.</summary>
    public string HeadLabel => $"{HeadOwner}:{HeadRef}";

    public bool IsOpen => State == "open";
}

/// <summary>An issue (pull request) comment as the fake GitHub holds it.</summary>
public sealed record StoredComment(
    long Id,
    int IssueNumber,
    string Body,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
);

/// <summary>A token the fake GitHub accepts, the user it belongs to, and whether it may write.</summary>
internal sealed record TokenGrant(string Login, long UserId, bool CanWrite);

/// <summary>One repository's mutable state; only touched under the server's lock.</summary>
internal sealed class StoredRepository(string owner, string name, long id, string defaultBranch)
{
    public string Owner { get; } = owner;
    public string Name { get; } = name;
    public long Id { get; } = id;
    public string DefaultBranch { get; } = defaultBranch;

    /// <summary>Branch name to whether it has commits its pull request's base does not (false: "No commits between").</summary>
    public Dictionary<string, bool> Branches { get; } =
        new(StringComparer.Ordinal) { [defaultBranch] = false };

    public List<StoredPullRequest> Pulls { get; } = [];
    public List<StoredComment> Comments { get; } = [];
    public int NextNumber { get; set; } = 1;

    public string FullName => $"{Owner}/{Name}";

    public StoredPullRequest? Pull(int number) => Pulls.Find(p => p.Number == number);

    public void Replace(StoredPullRequest pull) =>
        Pulls[Pulls.FindIndex(p => p.Number == pull.Number)] = pull;
}
