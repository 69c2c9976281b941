using Pipelines.Sync;
using Pipelines.Sync.Benchmarks;
using Pipelines.TestServers.Kubernetes;

// BenchmarkSync: 2,000 generated objects (ConfigMaps, Services, Deployments) across 40 releases, synced into the
// in-process test API server with a fixed latency per request. Every ratio compares numbers taken in this run.
const int Releases = 40;
const int Objects = 2000;
var latency = TimeSpan.FromMilliseconds(
    int.TryParse(Environment.GetEnvironmentVariable("SYNC_BENCH_LATENCY_MS"), out var ms) ? ms : 5
);
var rounds = int.TryParse(Environment.GetEnvironmentVariable("SYNC_BENCH_DIFF_ROUNDS"), out var r)
    ? r
    : 20;
var cancellationToken = CancellationToken.None;
var render = GeneratedRender.Create(Releases, Objects);

await using var synced = await KubeApiTestServer.StartAsync(cancellationToken);
synced.Latency = latency;
using var controllers = new CancellationTokenSource();
var controllerLoop = Task.Run(() => RollOutAsync(synced, render, controllers.Token));

var (full, fullReport) = await SyncBenchmark.SyncAsync(
    render,
    SyncBenchmark.Options,
    synced.CreateClient,
    cancellationToken
);
var fullRequests = synced.Requests.Count;
var (resync, resyncReport) = await SyncBenchmark.SyncAsync(
    render,
    SyncBenchmark.Options,
    synced.CreateClient,
    cancellationToken
);
var resyncRequests = synced.Requests.Count - fullRequests;
var requestsAfterSync = synced.Requests.Count;
var (check, checkReport) = await SyncBenchmark.SyncAsync(
    render,
    SyncBenchmark.Options with
    {
        Check = true,
    },
    synced.CreateClient,
    cancellationToken
);
var checkRequests = synced.Requests.Count - requestsAfterSync;
await controllers.CancelAsync();
await controllerLoop;

synced.Latency = TimeSpan.Zero;
using var reader = synced.CreateClient();
var pairs = await SyncBenchmark.PairsAsync(render, reader, cancellationToken);
var (perObject, drifted) = SyncBenchmark.DiffCost(pairs, rounds);

TimeSpan sequential,
    concurrent;
await using (var one = await KubeApiTestServer.StartAsync(cancellationToken))
{
    one.Latency = latency;
    using var client = one.CreateClient();
    sequential = await SyncBenchmark.ApplyAsync(render, client, 1, cancellationToken);
}
await using (var eight = await KubeApiTestServer.StartAsync(cancellationToken))
{
    eight.Latency = latency;
    using var client = eight.CreateClient();
    concurrent = await SyncBenchmark.ApplyAsync(render, client, 8, cancellationToken);
}

Console.WriteLine(
    $"{Objects} objects across {Releases} releases, {latency.TotalMilliseconds:F0} ms latency per request:"
);
Console.WriteLine(
    $"  full sync                   {full.TotalMilliseconds, 9:F0} ms   {SyncReportWriter.Counts(fullReport)} ({fullRequests} requests)"
);
Console.WriteLine(
    $"  re-sync, nothing changed    {resync.TotalMilliseconds, 9:F0} ms   {SyncReportWriter.Counts(resyncReport)} ({resyncRequests} requests) (target: at most 500 ms)"
);
Console.WriteLine(
    $"  --check, nothing changed    {check.TotalMilliseconds, 9:F0} ms   {SyncReportWriter.Counts(checkReport)} ({checkRequests} requests) (target: at most 300 ms, 30 requests)"
);
Console.WriteLine(
    $"  normalise+diff, client side {perObject, 9:F1} µs per object ({rounds} rounds over {pairs.Count} pairs, {drifted} out of sync) (target: under 200 µs)"
);
Console.WriteLine($"  apply, one by one           {sequential.TotalMilliseconds, 9:F0} ms");
Console.WriteLine($"  apply, 8 concurrent         {concurrent.TotalMilliseconds, 9:F0} ms");
Console.WriteLine(
    $"  concurrent / sequential     {concurrent / sequential, 9:F3} (target: at most 0.5)"
);
Console.WriteLine($"  check / full sync           {check / full, 9:F3}");
Console.WriteLine($"  re-sync / full sync         {resync / full, 9:F3}");
return 0;

// The Deployment controller's part: mark each generated Deployment rolled out through the server's status hook.
static async Task RollOutAsync(
    KubeApiTestServer server,
    Pipelines.Helmfile.Rendering.RenderResult render,
    CancellationToken cancellationToken
)
{
    var deployments = render
        .Clusters.SelectMany(c => c.Releases)
        .SelectMany(r => r.Objects)
        .Where(o => o.Kind == "Deployment")
        .ToList();
    while (!cancellationToken.IsCancellationRequested)
    {
        foreach (var deployment in deployments)
        {
            server.MarkRolledOut("deployments", deployment.Namespace!, deployment.Name);
        }
        await Task.Delay(25, CancellationToken.None);
    }
}
