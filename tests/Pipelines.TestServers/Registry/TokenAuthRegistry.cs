using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipelines.TestServers.Registry;

/// <summary>
/// A registry behind the docker token spec, as GHCR and Docker Hub put theirs: <c>/v2/...</c> without a valid bearer
/// token answers 401 with <c>WWW-Authenticate: Bearer realm="&lt;this&gt;/token",service="...",scope="repository:&lt;name&gt;:pull"</c>;
/// <c>/token</c> hands out a token for the basic credentials it was given (or anonymously, when it allows that); with
/// the token, a request goes on to a real docker-registry. Records every path and the Authorization header it carried.
/// </summary>
internal sealed class TokenAuthRegistry : IAsyncDisposable
{
    public const string Service = "registry.test";

    private readonly WebApplication _app;
    private readonly string _upstream;
    private readonly string? _credentials;
    private readonly string _token = "rt_" + Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();
    private static readonly HttpClient Upstream = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <param name="upstream">The real registry's <c>host:port</c>, plain HTTP.</param>
    /// <param name="username">The user /token accepts; null: /token answers anyone (a public repository).</param>
    /// <param name="password">That user's password.</param>
    public TokenAuthRegistry(string upstream, string? username, string? password)
    {
        _upstream = upstream;
        _credentials = username is null
            ? null
            : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        _app = LoopbackWebApp.Build();
        _app.Run(ServeAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Host = new Uri(_app.Urls.Single()).Authority;
    }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host { get; }

    /// <summary>Every request's path and Authorization header, in order.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Requests => [.. _requests];

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        string? authorization = context.Request.Headers.Authorization;
        _requests.Enqueue((path, authorization));
        if (path == "/token")
        {
            await IssueTokenAsync(context, authorization);
            return;
        }
        if (authorization != $"Bearer {_token}")
        {
            var name =
                path.StartsWith("/v2/", StringComparison.Ordinal) && path.Contains("/manifests/")
                    ? path["/v2/".Length..path.IndexOf("/manifests/", StringComparison.Ordinal)]
                    : "";
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate =
                $"Bearer realm=\"http://{Host}/token\",service=\"{Service}\",scope=\"repository:{name}:pull\"";
            return;
        }
        await ForwardAsync(context, path);
    }

    private async Task IssueTokenAsync(HttpContext context, string? authorization)
    {
        if (_credentials is not null && authorization != _credentials)
        {
            context.Response.StatusCode = 401;
            return;
        }
        if (context.Request.Query["service"] != Service)
        {
            context.Response.StatusCode = 400;
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"token\":\"{_token}\",\"expires_in\":300}}");
    }

    private async Task ForwardAsync(HttpContext context, string path)
    {
        using var request = new HttpRequestMessage(
            new HttpMethod(context.Request.Method),
            $"http://{_upstream}{path}"
        );
        request.Headers.TryAddWithoutValidation("Accept", context.Request.Headers.Accept.ToArray());
        using var response = await Upstream.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
