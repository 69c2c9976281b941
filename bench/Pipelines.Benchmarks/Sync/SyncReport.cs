using Pipelines.Sync;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Benchmarks.Sync;

/// <summary>
/// BenchmarkSync: 2,000 generated objects (ConfigMaps, Services, Deployments) across 40 releases, synced into the
/// in-process test API server with a fixed latency per request. Every ratio compares numbers taken in this run.
/// </summary>
internal static class SyncReport
{
    private const int Releases = 40;
    private const int Objects = 2000;
    private const int Samples = 5;

    public static async Task RunAsync(CancellationToken ct)
    {
        var latency = TimeSpan.FromMilliseconds(
            int.TryParse(Environment.GetEnvironmentVariable("SYNC_BENCH_LATENCY_MS"), out var ms)
                ? ms
                : 5
        );
        var rounds = int.TryParse(
            Environment.GetEnvironmentVariable("SYNC_BENCH_DIFF_ROUNDS"),
            out var r
        )
            ? r
            : 20;
        var cancellationToken = ct;
        var render = GeneratedRender.Create(Releases, Objects);

        await using var synced = await KubeApiTestServer.StartAsync(cancellationToken);
        synced.Latency = latency;
        using var controllers = new CancellationTokenSource();
        var controllerLoop = Task.Run(() => RollOutAsync(synced, render, controllers.Token));

        var (full, fullCpu, fullReport) = await SyncBenchmark.SyncAsync(
            render,
            SyncBenchmark.Options,
            synced.CreateClient,
            cancellationToken
        );
        var fullRequests = synced.Requests.Count;

        // Nothing-changed runs are short, so each is taken several times and the median reported: one sample on a shared
        // machine says more about the neighbours than about Sync.
        var (resync, resyncCpu, resyncReport, resyncRequests) = await MedianAsync(
            SyncBenchmark.Options
        );
        var (check, checkCpu, checkReport, checkRequests) = await MedianAsync(
            SyncBenchmark.Options with
            {
                Check = true,
            }
        );
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
            $"  full sync                   {full.TotalMilliseconds, 9:F0} ms   (cpu {fullCpu.TotalMilliseconds:F0} ms)   {SyncReportWriter.Counts(fullReport)} ({fullRequests} requests)"
        );
        Console.WriteLine(
            $"  (re-sync and --check: median of {Samples} runs; cpu is this process's processor time, server included)"
        );
        Console.WriteLine(
            $"  re-sync, nothing changed    {resync.TotalMilliseconds, 9:F0} ms   (cpu {resyncCpu.TotalMilliseconds:F0} ms)   {SyncReportWriter.Counts(resyncReport)} ({resyncRequests} requests) (target: at most 500 ms)"
        );
        Console.WriteLine(
            $"  --check, nothing changed    {check.TotalMilliseconds, 9:F0} ms   (cpu {checkCpu.TotalMilliseconds:F0} ms)   {SyncReportWriter.Counts(checkReport)} ({checkRequests} requests) (target: at most 300 ms, 30 requests)"
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
        return;

        // The median of several runs (elapsed, processor time), the last run's report, and the requests of one run.
        async Task<(
            TimeSpan Elapsed,
            TimeSpan Cpu,
            ClusterReport Report,
            int Requests
        )> MedianAsync(SyncOptions options)
        {
            var runs = new List<(TimeSpan Elapsed, TimeSpan Cpu, ClusterReport Report)>();
            var before = synced.Requests.Count;
            for (var run = 0; run < Samples; run++)
            {
                runs.Add(
                    await SyncBenchmark.SyncAsync(
                        render,
                        options,
                        synced.CreateClient,
                        cancellationToken
                    )
                );
            }
            var elapsed = runs.Select(x => x.Elapsed).Order().ElementAt(Samples / 2);
            var cpu = runs.Select(x => x.Cpu).Order().ElementAt(Samples / 2);
            return (elapsed, cpu, runs[^1].Report, (synced.Requests.Count - before) / Samples);
        }

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
    }
}
