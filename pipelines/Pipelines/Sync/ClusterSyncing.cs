using k8s;
using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

/// <summary>
/// What the Sync target does: sync every cluster of the render at once (<see cref="SyncAllAsync"/>, which the
/// lifecycle targets use too), print the reports and diffs, and turn them into an exit code. Each cluster's steps
/// are <see cref="ClusterSync"/>'s.
/// </summary>
internal static class ClusterSyncing
{
    public static async Task<string> RunAsync(ISync build, CancellationToken cancellationToken)
    {
        var render = build.Results.Get<RenderResult>();
        if (build.LockTimeout < 0)
        {
            throw new UsageException(
                $"--lock-timeout must be 0 or more seconds (default 120), not {build.LockTimeout}."
            );
        }
        var options = new SyncOptions
        {
            Check = build.Check,
            Prune = build.Prune,
            DryRun = build.DryRun,
            ForceConflicts = build.ForceConflicts,
            HealthTimeout = TimeSpan.FromSeconds(build.Timeout),
            IgnoreDifferences = SyncConfig.Load(build.RootDirectory),
            Lease = new LeaseSettings { Timeout = TimeSpan.FromSeconds(build.LockTimeout) },
            MaxPrune = PruneGuard.MaxPrune(build.MaxPrune),
            PruneKinds = PruneGuard.PruneKinds(build.PruneKinds),
            Adopt = build.Adopt,
            AllowRollback = build.AllowRollback,
            GitWorkTree = build.RootDirectory,
        };
        var reports = await SyncAllAsync(
            render,
            options,
            c => KubeConnections.Create(c, build.Kubeconfig?.Value),
            cancellationToken
        );
        foreach (var report in reports)
        {
            Log.Info("");
            foreach (var line in SyncReportWriter.Text(report))
            {
                Log.Info(line);
            }
            if (report.Unreachable is { } reason)
            {
                Log.Warning(
                    $"{report.Cluster.Name}: dry run against an UNKNOWN live state ({reason}); nothing was compared or sent."
                );
            }
            foreach (var drift in report.Objects.Where(o => o.Diff.Length > 0))
            {
                Log.Info(drift.Diff.TrimEnd('\n'));
            }
            Log.StepSummary(string.Join('\n', SyncReportWriter.Markdown(report)));
        }
        SyncFailedException.ThrowIfAny(reports);
        if (options.Check && reports.Any(r => !r.InSync))
        {
            throw new DriftDetectedException(
                "Out Of Sync: "
                    + string.Join(
                        ", ",
                        reports
                            .Where(r => !r.InSync)
                            .Select(r => $"{r.Cluster.Name} ({SyncReportWriter.Counts(r)})")
                    )
            );
        }
        return string.Join(
            "; ",
            reports.Select(r => $"{r.Cluster.Name}: {SyncReportWriter.Counts(r)}")
        );
    }

    /// <summary>Syncs every cluster of a render at once; each cluster gets its own report, and one failing never stops the others.</summary>
    public static async Task<IReadOnlyList<ClusterReport>> SyncAllAsync(
        RenderResult render,
        SyncOptions options,
        Func<ClusterDefinition, IKubernetes> connect,
        CancellationToken cancellationToken
    )
    {
        DesiredDocuments.ThrowIfNotObjects(render);
        var clients = new List<IKubernetes>();
        // One guard for the run: HEAD is read, and a recorded revision fetched, once for every cluster.
        var revisions = new RevisionGuard(options.GitWorkTree);
        try
        {
            var runs = render.Clusters.Select(cluster =>
            {
                // One catalog per cluster, shared by the sync and its API: CRDs learned by one serve both.
                var catalog = new ResourceCatalog();
                ClusterApi Connect()
                {
                    var client = connect(cluster.Cluster);
                    lock (clients)
                    {
                        clients.Add(client);
                    }
                    return new ClusterApi(client, catalog, options.FieldManager);
                }
                var sync = new ClusterSync(
                    options,
                    render.Environment,
                    catalog,
                    Connect,
                    revisions
                );
                return Task.Run(() => sync.RunAsync(cluster, cancellationToken), cancellationToken);
            });
            return await Task.WhenAll(runs);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}

/// <summary>One or more clusters failed to sync or to become healthy.</summary>
internal sealed class SyncFailedException(IReadOnlyList<ClusterReport> failed)
    : Exception(
        "Sync failed on "
            + string.Join(
                "; ",
                failed.Select(r =>
                    r.Error
                    ?? $"{r.Cluster.Name}: "
                        + string.Join(
                            ", ",
                            r.Objects.Where(o => o.Health == Health.Degraded)
                                .Select(o => $"{o.Kind} {o.Namespace}/{o.Name}: {o.Message}")
                        )
                )
            )
    ),
        IExplainedFailure
{
    /// <summary>Throws when any cluster of the run failed to sync or to become healthy.</summary>
    public static void ThrowIfAny(IEnumerable<ClusterReport> reports)
    {
        var failed = reports.Where(r => r.Failed).ToList();
        if (failed.Count > 0)
        {
            throw new SyncFailedException(failed);
        }
    }
}
