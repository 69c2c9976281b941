namespace Pipelines.TestServers.GitHub;

/// <summary>
/// One request the fake GitHub received. The token itself is never kept: only the scheme of the Authorization
/// header (<c>Bearer</c>, <c>token</c>) or null when there was none.
/// </summary>
/// <param name="Query">The raw query string including the leading <c>?</c>, or empty.</param>
public sealed record GitHubRequest(
    string Method,
    string Path,
    string Query,
    string? AuthorizationScheme,
    string? ContentType,
    string UserAgent,
    string Body
)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
