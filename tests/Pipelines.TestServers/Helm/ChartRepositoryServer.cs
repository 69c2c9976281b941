using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipelines.TestServers.Helm;

/// <summary>
/// A helm chart repository as GitHub Pages or S3 serve one: the files of a folder (<c>index.yaml</c> from
/// <c>helm repo index</c>, the <c>.tgz</c> of <c>helm package</c>) over HTTP on 127.0.0.1, read at each request so a
/// test can publish a new version, optionally behind basic auth (401 with <c>WWW-Authenticate</c> otherwise). Records
/// every request path and the Authorization header it carried.
/// </summary>
internal sealed class ChartRepositoryServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly string? _authorization;
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();

    public ChartRepositoryServer(string directory, string? username = null, string? password = null)
    {
        _directory = directory;
        _authorization = username is null
            ? null
            : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        _app = LoopbackWebApp.Build();
        _app.Run(ServeAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.Single();
    }

    public string Url { get; }

    /// <summary>Every request's path, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests.Select(r => r.Path)];

    /// <summary>Requests for chart archives (<c>.tgz</c>), the downloads a cache should save.</summary>
    public int ArchiveRequests => Requests.Count(p => p.EndsWith(".tgz", StringComparison.Ordinal));

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        string? authorization = context.Request.Headers.Authorization;
        _requests.Enqueue((path, authorization));
        if (_authorization is not null && authorization != _authorization)
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"charts\"";
            return;
        }
        var file = Path.Combine(_directory, path.TrimStart('/'));
        if (path.Contains("..", StringComparison.Ordinal) || !File.Exists(file))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var content = await File.ReadAllBytesAsync(file);
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
