using Octokit;
using Octokit.Internal;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.GitHubActions.Api;

/// <summary>
/// Creates the Octokit client every GitHub call in the suite goes through: the token is masked in all output
/// from the moment it is handed over, and the API URL is taken exactly as given (or from <c>GITHUB_API_URL</c>,
/// which GitHub Actions sets on github.com, GitHub Enterprise Server and GHE.com alike).
/// </summary>
internal static class GitHubApi
{
    public const string ApiUrlVariable = "GITHUB_API_URL";

    public static readonly Uri DefaultApiUrl = new("https://api.github.com/");

    /// <summary>
    /// A client authenticated with <paramref name="token"/> (sent as <c>Authorization: Bearer</c>) against
    /// <paramref name="apiUrl"/>, else <c>GITHUB_API_URL</c>, else https://api.github.com.
    /// </summary>
    public static IGitHubClient CreateClient(string token, Uri? apiUrl = null) =>
        CreateClient(token, apiUrl, Environment.GetEnvironmentVariable);

    internal static IGitHubClient CreateClient(
        string token,
        Uri? apiUrl,
        Func<string, string?> environment
    )
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new UsageException(
                "A GitHub token is required to call the GitHub API and none was given. "
                    + "On GitHub Actions pass ${{ secrets.GITHUB_TOKEN }} (or a token with access to the repository); "
                    + "locally, a personal access token (e.g. from `gh auth token`)."
            );
        }
        token = token.Trim();
        Log.RegisterSecret(token);
        // Connection is built directly: GitHubClient(header, uri) would rewrite any host other than
        // api.github.com to <host>/api/v3/, which is wrong for GHE.com (api.<name>.ghe.com serves at the root)
        // and doubles the path when GITHUB_API_URL already ends in /api/v3.
        var connection = new Connection(
            new ProductHeaderValue("pipelines"),
            ResolveApiUrl(apiUrl, environment),
            new InMemoryCredentialStore(new Credentials(token, AuthenticationType.Bearer)),
            // Octokit's own handler (proxy, redirects), with --verbosity verbose's request log in front.
            new HttpClientAdapter(() =>
                new HttpRequestLog(HttpMessageHandlerFactory.CreateDefault())
            ),
            new SimpleJsonSerializer()
        );
        return new GitHubClient(connection);
    }

    /// <summary>The API base URL with a trailing slash, so that Octokit's relative paths land under it.</summary>
    internal static Uri ResolveApiUrl(Uri? apiUrl, Func<string, string?> environment)
    {
        var source = "the API URL";
        if (apiUrl is null)
        {
            var fromEnvironment = environment(ApiUrlVariable)?.Trim();
            if (string.IsNullOrEmpty(fromEnvironment))
            {
                return DefaultApiUrl;
            }
            source = ApiUrlVariable;
            if (!Uri.TryCreate(fromEnvironment, UriKind.Absolute, out apiUrl))
            {
                throw InvalidUrl(source, fromEnvironment);
            }
        }
        if (!apiUrl.IsAbsoluteUri || apiUrl.Scheme is not ("https" or "http"))
        {
            throw InvalidUrl(source, apiUrl.OriginalString);
        }
        var text = apiUrl.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    private static UsageException InvalidUrl(string source, string value) =>
        new(
            $"{source} '{value}' is not an absolute http(s) URL. Use https://api.github.com, "
                + "https://<host>/api/v3 for GitHub Enterprise Server, or https://api.<name>.ghe.com."
        );
}
