using System.Diagnostics;
using k8s;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync;
using Pipelines.Sync.Diff;
using Pipelines.Sync.Kube;

namespace Pipelines.Benchmarks.Sync;

/// <summary>
/// The measurements of <c>BenchmarkSync</c>, against any API server a caller connects to (bench/SyncBench runs them
/// against the in-process test server with latency per request): a full sync, a <c>--check</c> with nothing
/// changed, the client-side cost of normalise+diff per object, and concurrent against sequential apply.
/// </summary>
internal static class SyncBenchmark
{
    public static readonly SyncOptions Options = new()
    {
        HealthTimeout = TimeSpan.FromMinutes(2),
        HealthPollInterval = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>
    /// Runs a sync (or a check) and returns how long it took, the processor time this process spent meanwhile
    /// (client and in-process server together; on a shared machine it moves less than the elapsed time), and its report.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, TimeSpan Cpu, ClusterReport Report)> SyncAsync(
        RenderResult render,
        SyncOptions options,
        Func<IKubernetes> connect,
        CancellationToken cancellationToken
    )
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var reports = await ClusterSyncing.SyncAllAsync(
            render,
            options,
            _ => connect(),
            cancellationToken
        );
        var elapsed = stopwatch.Elapsed;
        return (elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, reports.Single());
    }

    /// <summary>Every desired object as Sync sends it (tracked), paired with the live object the server returns.</summary>
    public static async Task<
        List<(Dictionary<string, object?> Desired, Dictionary<string, object?> Live)>
    > PairsAsync(RenderResult render, IKubernetes client, CancellationToken cancellationToken)
    {
        var api = new ClusterApi(client, new ResourceCatalog(), Options.FieldManager);
        var pairs = new List<(Dictionary<string, object?>, Dictionary<string, object?>)>();
        foreach (var (release, manifest) in Manifests(render))
        {
            var desired = Tracking.Mark(manifest, render.Environment, Cluster(render), release);
            var (type, ns, name) = api.Catalog.Locate(desired);
            var live =
                await api.GetAsync(type, ns, name, cancellationToken)
                ?? throw new InvalidOperationException($"{type} {ns}/{name} was not synced.");
            pairs.Add((desired, live));
        }
        return pairs;
    }

    /// <summary>Microseconds per object of DriftComparer.Compare over the pairs, after a warm-up round.</summary>
    public static (double MicrosecondsPerObject, int OutOfSync) DiffCost(
        List<(Dictionary<string, object?> Desired, Dictionary<string, object?> Live)> pairs,
        int rounds
    )
    {
        var outOfSync = pairs.Count(p => !Compare(p.Desired, p.Live));
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (desired, live) in pairs)
            {
                Compare(desired, live);
            }
        }
        return (stopwatch.Elapsed.TotalMicroseconds / (rounds * (double)pairs.Count), outOfSync);
    }

    /// <summary>Server-side applies every object (namespaces first, untimed), <paramref name="parallelism"/> at a time.</summary>
    public static async Task<TimeSpan> ApplyAsync(
        RenderResult render,
        IKubernetes client,
        int parallelism,
        CancellationToken cancellationToken
    )
    {
        var api = new ClusterApi(client, new ResourceCatalog(), Options.FieldManager);
        var manifests = Manifests(render)
            .Select(m => Tracking.Mark(m.Manifest, render.Environment, Cluster(render), m.Release))
            .ToList();
        foreach (var ns in render.Clusters.SelectMany(c => c.Releases).Select(r => r.Namespace))
        {
            await api.ApplyAsync(Namespace(ns), force: true, dryRun: false, cancellationToken);
        }
        var stopwatch = Stopwatch.StartNew();
        if (parallelism <= 1)
        {
            foreach (var manifest in manifests)
            {
                await api.ApplyAsync(manifest, force: true, dryRun: false, cancellationToken);
            }
        }
        else
        {
            await Parallel.ForEachAsync(
                manifests,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = parallelism,
                    CancellationToken = cancellationToken,
                },
                async (manifest, token) =>
                    await api.ApplyAsync(manifest, force: true, dryRun: false, token)
            );
        }
        return stopwatch.Elapsed;
    }

    private static bool Compare(
        Dictionary<string, object?> desired,
        Dictionary<string, object?> live
    ) => DriftComparer.Compare(desired, live, Options.IgnoreDifferences, "bench").InSync;

    private static string Cluster(RenderResult render) => render.Clusters.Single().Cluster.Name;

    private static IEnumerable<(string Release, Dictionary<string, object?> Manifest)> Manifests(
        RenderResult render
    ) =>
        render
            .Clusters.SelectMany(c => c.Releases)
            .SelectMany(r =>
                r.Objects.Select(o => (r.Release.Name, (Dictionary<string, object?>)o.Data!))
            );

    private static Dictionary<string, object?> Namespace(string name) =>
        new()
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new Dictionary<string, object?> { ["name"] = name },
        };
}
