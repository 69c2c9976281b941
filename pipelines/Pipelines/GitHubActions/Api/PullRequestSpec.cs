namespace Pipelines.GitHubActions.Api;

/// <summary>
/// The pull request to open from <see cref="Head"/> (a branch of <see cref="Repository"/>, or <c>owner:branch</c>
/// for a fork) into <see cref="Base"/>. <see cref="Labels"/> are added, never removed.
/// </summary>
internal sealed record PullRequestSpec(
    GitHubRepository Repository,
    string Head,
    string Base,
    string Title,
    string Body,
    IReadOnlyList<string> Labels
);

/// <summary>The pull request opened (<see cref="Created"/>) or the open one for the same head that was updated.</summary>
internal sealed record PullRequestOutcome(int Number, string Url, bool Created);

/// <summary>The comment created (<see cref="Created"/>) or the earlier one carrying the same marker that was edited.</summary>
internal sealed record CommentOutcome(long Id, string Url, bool Created);
