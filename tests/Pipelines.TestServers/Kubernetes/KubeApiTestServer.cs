using System.Collections.Concurrent;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// An in-process fake kube-apiserver on 127.0.0.1 (plain http, random port) that speaks the real
/// REST protocol to the real KubernetesClient: discovery, get/list (label and field selectors),
/// create, replace, delete, dryRun=All, merge and strategic merge patches (Update operations) and
/// server-side apply with managedFields (FieldsV1), conflicts and force, a status hook, fault
/// injection and a request log.
/// </summary>
/// <remarks>
/// Deviations from the real server: no schemas, so lists of maps that all have a <c>name</c> are
/// associative (merged by name, like <c>x-kubernetes-list-type: map</c>) and every other list is
/// atomic (ports without names, args, ...); no defaulting, admission, validation of specs, watch,
/// deletecollection, JSON patch, finalizers or graceful deletion (a namespace takes its objects
/// with it at once); <c>.</c> entries in fieldsV1 mark list items only; status written through the
/// hook or the status subresource is not tracked in managedFields; list items carry apiVersion and
/// kind; every kind gets a generation; objects are served under any served version without conversion.
/// </remarks>
public sealed partial class KubeApiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ResourceCatalog _catalog = new();
    private readonly ResourceStore _store;
    private readonly FaultInjector _faults = new();
    private readonly ConcurrentQueue<KubeRequest> _requests = new();
    private readonly RequestRouter _router;

    // Quotes in messages appear as \" (as the real server writes them), not \u0022.
    private static readonly JsonWriterOptions ResponseJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private long _latencyTicks;

    private KubeApiTestServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _store = new ResourceStore(_catalog, time);
        _router = new RequestRouter(
            _catalog,
            _store,
            () => $"{BaseUri.Host}:{BaseUri.Port}",
            () => ServerVersion
        );
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Added to every request before it is served, e.g. 5 ms to make benchmarks realistic.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>The gitVersion <c>/version</c> answers, e.g. <c>v1.35.2-eks-1a2b3c</c> as EKS reports it.</summary>
    public string ServerVersion { get; set; } = "v1.34.0";

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<KubeRequest> Requests => [.. _requests];

    public static async Task<KubeApiTestServer> StartAsync(
        CancellationToken cancellationToken = default
    )
    {
        var app = LoopbackWebApp.Build();
        var server = new KubeApiTestServer(app, TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!;
        server.BaseUri = new Uri(address.Addresses.First().TrimEnd('/') + "/");
        return server;
    }

    public KubernetesClientConfiguration CreateClientConfiguration() =>
        new() { Host = BaseUri.ToString().TrimEnd('/'), Namespace = "default" };

    /// <summary>A real KubernetesClient talking to this server; the caller disposes it.</summary>
    public k8s.Kubernetes CreateClient() => new(CreateClientConfiguration());

    public void InjectFault(FaultRule rule) => _faults.Add(rule);

    public void ClearFaults() => _faults.Clear();

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var path = request.Path.Value ?? "/";
        _requests.Enqueue(
            new KubeRequest(
                request.Method,
                path,
                request.QueryString.Value ?? "",
                request.ContentType
            )
        );
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }
        if (_faults.Take(request.Method, path) is { } fault)
        {
            await Task.Delay(fault.Delay, cancellationToken);
            if (fault.Before is { } before)
            {
                await before();
            }
            if (fault.StatusCode is { } code)
            {
                if (code is 429 or 503)
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(
                        System.Globalization.CultureInfo.InvariantCulture
                    );
                }
                await WriteAsync(
                    context,
                    code,
                    StatusResponses.ForFault(code, fault.RetryAfterSeconds)
                );
                return;
            }
        }
        try
        {
            var (status, body) = await _router.RouteAsync(request, cancellationToken);
            await WriteAsync(context, status, body);
        }
        catch (KubeApiException e)
        {
            await WriteAsync(context, e.Code, e.Status);
        }
    }

    private static async Task WriteAsync(HttpContext context, int code, JsonObject body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        // UTF-8 straight into the response: a LIST of thousands of objects never becomes one big string.
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, ResponseJson);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
