using System.Diagnostics;

namespace Pipelines.Engine;

/// <summary>
/// Logs each HTTP request a client library sends (KubernetesClient, Octokit) with <c>--verbosity verbose</c>: method,
/// URL, status and time, never headers or bodies (they carry the tokens). Plug it into a client's handler chain:
/// <c>new Kubernetes(config, new HttpRequestLog())</c>.
/// </summary>
internal sealed class HttpRequestLog : DelegatingHandler
{
    /// <summary>For clients that take a handler, not a chain: this log in front of <paramref name="inner"/>.</summary>
    public HttpRequestLog(HttpMessageHandler inner)
        : base(inner) { }

    /// <summary>For clients that build the chain themselves (KubernetesClient) and set the inner handler.</summary>
    public HttpRequestLog() { }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        if (!Log.IsVerbose)
        {
            return await base.SendAsync(request, cancellationToken);
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            Log.Verbose(
                $"HTTP {request.Method} {request.RequestUri} -> {(int)response.StatusCode} ({stopwatch.ElapsedMilliseconds} ms)"
            );
            return response;
        }
        catch (Exception exception)
            when (exception is HttpRequestException or TaskCanceledException)
        {
            Log.Verbose(
                $"HTTP {request.Method} {request.RequestUri} -> {exception.GetType().Name} ({stopwatch.ElapsedMilliseconds} ms)"
            );
            throw;
        }
    }
}
