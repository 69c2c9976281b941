using System.Collections.Concurrent;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;
using Pipelines.GitHubActions.Api;

namespace Pipelines.TestServers.GitHub;

/// <summary>
/// An in-process fake GitHub REST API on 127.0.0.1 (plain http, random port) that the real Octokit 14 talks to:
/// pull requests (list with <c>state</c>/<c>head</c>/<c>base</c>/<c>sort</c>/<c>direction</c>, get, create,
/// update), labels added to an issue, issue comments (list, create, get, edit), the repository and the
/// authenticated user; JSON in GitHub's snake_case shapes, Link-header paging (<c>per_page</c>, <c>page</c>),
/// tokens checked (<c>Authorization: Bearer</c> or <c>token</c>; 401 "Requires authentication" / "Bad credentials"),
/// read-only tokens (403 "Resource not accessible by integration" on writes), 404 for unknown repositories,
/// pull requests and routes, and GitHub's 422 validation errors: a duplicate open pull request for the same head
/// and base, a head with no commits ahead, an unknown head or base branch, a missing title, an empty or too long
/// comment. Fault injection (<see cref="GitHubFault"/>: a status for the next N matching requests, optionally
/// after a delay or after the request took effect), a <see cref="BeforeServing"/> hook to change the state between
/// a client's calls (a concurrent run), a request log without tokens, and the state for assertions and seeding
/// (<see cref="PullRequests"/>, <see cref="Comments"/>, <see cref="SeedPullRequest"/>, <see cref="SeedComment"/>).
/// </summary>
/// <remarks>
/// Served under <see cref="ApiUri"/>: the root by default (as api.github.com and GHE.com), or a path such as
/// <c>/api/v3/</c> (as a GitHub Enterprise Server). Known gaps: no git data, so branches are declared with
/// <see cref="AddBranch"/> together with whether they have commits ahead, and head SHAs are stable hashes; no forks
/// (a head owned by someone else is "invalid"); no issues that are not pull requests, merges, drafts, reviews,
/// assignees or label colours; Link URLs use <c>/repos/owner/name</c> where github.com uses
/// <c>/repositories/id</c>; a <c>head</c> filter without <c>owner:</c> is ignored, as GitHub does; no conditional
/// requests (ETag) and rate limit headers are constant; repository and owner names match case-insensitively.
/// </remarks>
public sealed partial class GitHubApiTestServer : IAsyncDisposable
{
    /// <summary>The login behind <see cref="Token"/>, as for GITHUB_TOKEN on Actions.</summary>
    public const string BotLogin = "github-actions[bot]";

    private static readonly JsonSerializerOptions ResponseJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly GitHubFaults _faults = new();
    private readonly ConcurrentQueue<GitHubRequest> _requests = new();
    private readonly Dictionary<string, TokenGrant> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredRepository> _repos = new(
        StringComparer.OrdinalIgnoreCase
    );
    private readonly string _apiPath;
    private GitHubShapes _shapes = null!;
    private long _nextId = 1_000_000_001;

    private GitHubApiTestServer(WebApplication app, string apiPath)
    {
        _app = app;
        _apiPath = apiPath;
        AddToken(Token, BotLogin);
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/, the "web" host of html_url links.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Where the API is served: <see cref="BaseUri"/> plus the API path, with a trailing slash.</summary>
    public Uri ApiUri => new(BaseUri, _apiPath.TrimStart('/'));

    /// <summary>A token with write access, belonging to <see cref="BotLogin"/>.</summary>
    public string Token { get; } = "ghs_" + Guid.NewGuid().ToString("N");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<GitHubRequest> Requests => [.. _requests];

    /// <param name="apiPath">Where the API is served, e.g. <c>/api/v3/</c> like a GitHub Enterprise Server.</param>
    public static async Task<GitHubApiTestServer> StartAsync(
        string apiPath = "/",
        CancellationToken cancellationToken = default
    )
    {
        var app = LoopbackWebApp.Build();
        var path = "/" + apiPath.Trim('/') + (apiPath.Trim('/').Length > 0 ? "/" : "");
        var server = new GitHubApiTestServer(app, path);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!;
        server.BaseUri = new Uri(address.Addresses.First().TrimEnd('/') + "/");
        server._shapes = new GitHubShapes(server.ApiUri, server.BaseUri, server.UserId);
        return server;
    }

    /// <summary>A real Octokit client made by the suite's own factory, with <see cref="Token"/>, against <see cref="ApiUri"/>.</summary>
    public IGitHubClient CreateClient(string? token = null) =>
        GitHubApi.CreateClient(token ?? Token, ApiUri);

    public void InjectFault(GitHubFault fault) => _faults.Add(fault);

    public void ClearFaults() => _faults.Clear();

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private long NextId() => Interlocked.Increment(ref _nextId);

    private long UserId(string login)
    {
        lock (_gate)
        {
            var grant = _tokens.Values.FirstOrDefault(g => g.Login == login);
            return grant?.UserId
                ?? 1000 + (uint)StringComparer.Ordinal.GetHashCode(login) % 100_000;
        }
    }

    private static async Task WriteAsync(HttpContext context, GitHubReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        response.Headers["X-GitHub-Request-Id"] = Guid.NewGuid()
            .ToString("N")[..16]
            .ToUpperInvariant();
        foreach (var (name, value) in RateLimitHeaders.Concat(reply.Headers))
        {
            response.Headers[name] = value;
        }
        var text = reply.RawText ?? reply.Body?.ToJsonString(ResponseJson) ?? "";
        await response.WriteAsync(text, context.RequestAborted);
    }

    private static readonly Dictionary<string, string> RateLimitHeaders = new()
    {
        ["X-RateLimit-Limit"] = "5000",
        ["X-RateLimit-Remaining"] = "4999",
        ["X-RateLimit-Used"] = "1",
        ["X-RateLimit-Resource"] = "core",
        ["X-RateLimit-Reset"] = "4102444800",
    };
}
