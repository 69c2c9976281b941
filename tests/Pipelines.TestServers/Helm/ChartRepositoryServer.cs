using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipelines.TestServers.Helm;

/// <summary>
/// A helm chart repository as GitHub Pages or S3 serve one: the files of a folder (<c>index.yaml</c> from
/// <c>helm repo index</c>, the <c>.tgz</c> of <c>helm package</c>) over HTTP on 127.0.0.1, read at each request so a
/// test can publish a new version, optionally behind basic auth (401 with <c>WWW-Authenticate</c> otherwise). Records
/// every request path and the Authorization header it carried.
/// </summary>
internal sealed class ChartRepositoryServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _directory;
    private readonly string? _authorization;
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();
    private readonly Task _serving;

    public ChartRepositoryServer(string directory, string? username = null, string? password = null)
    {
        _directory = directory;
        _authorization = username is null
            ? null
            : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        Url = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request's path, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests.Select(r => r.Path)];

    /// <summary>Requests for chart archives (<c>.tgz</c>), the downloads a cache should save.</summary>
    public int ArchiveRequests => Requests.Count(p => p.EndsWith(".tgz", StringComparison.Ordinal));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception)
                when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var response = context.Response;
            var path = context.Request.Url!.AbsolutePath;
            var authorization = context.Request.Headers["Authorization"];
            _requests.Enqueue((path, authorization));
            if (_authorization is not null && authorization != _authorization)
            {
                response.StatusCode = 401;
                response.AddHeader("WWW-Authenticate", "Basic realm=\"charts\"");
                continue;
            }
            var file = Path.Combine(_directory, path.TrimStart('/'));
            if (path.Contains("..", StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                continue;
            }
            var content = await File.ReadAllBytesAsync(file);
            response.ContentLength64 = content.Length;
            await response.OutputStream.WriteAsync(content);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
