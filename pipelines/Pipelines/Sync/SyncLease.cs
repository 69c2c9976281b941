using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Pipelines.Sync;

/// <summary>
/// One Sync at a time per cluster: a <c>coordination.k8s.io/v1</c> Lease <c>pipelines-sync-ENV</c> in kube-system,
/// taken before Sync reads what it will change and renewed while it applies, waits and prunes. A second Sync waits
/// for it up to <c>--lock-timeout</c>. As client-go's leader election does, a lease counts as abandoned only when its
/// record has not changed for its whole duration by this machine's clock, so clock skew between runners does not
/// matter. Every write carries the resourceVersion it read: two Syncs racing for a free lease cannot both win.
/// </summary>
internal sealed class SyncLease : IAsyncDisposable
{
    private const string HostAnnotation = "pipelines/holder-host";
    private const string ProcessAnnotation = "pipelines/holder-process";
    private const string RunAnnotation = "pipelines/holder-run";

    private readonly IKubernetes _client;
    private readonly string _namespace;
    private readonly string _name;
    private readonly string _identity;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private V1Lease _lease;

    private SyncLease(IKubernetes client, V1Lease lease, TimeSpan renewEvery)
    {
        _client = client;
        _lease = lease;
        _namespace = lease.Metadata.NamespaceProperty;
        _name = lease.Metadata.Name;
        _identity = lease.Spec.HolderIdentity;
        _renewal = Task.Run(() => RenewAsync(renewEvery, _stop.Token));
    }

    /// <summary>Why the lease was lost while held (another Sync took it over), or null.</summary>
    public string? Lost { get; private set; }

    public static string NameFor(string environment) => $"pipelines-sync-{environment}";

    /// <summary>Takes the lease, waiting up to the settings' timeout for its holder to release it.</summary>
    /// <exception cref="SyncLeaseTimeoutException">Still held by another Sync when the timeout ran out.</exception>
    public static async Task<SyncLease> AcquireAsync(
        IKubernetes client,
        string ns,
        string environment,
        LeaseSettings settings,
        CancellationToken cancellationToken
    )
    {
        var name = NameFor(environment);
        var identity = $"{settings.Holder.Host}/{settings.Holder.Process}/{Guid.NewGuid():N}";
        var deadline = DateTime.UtcNow + settings.Timeout;
        (string? Version, DateTime Since) observed = (null, DateTime.UtcNow);
        while (true)
        {
            var current = await LeaseReads.GetAsync(client, ns, name, cancellationToken);
            var now = DateTime.UtcNow;
            if (current?.Metadata.ResourceVersion != observed.Version)
            {
                observed = (current?.Metadata.ResourceVersion, now);
            }
            var duration = TimeSpan.FromSeconds(current?.Spec?.LeaseDurationSeconds ?? 0);
            var free =
                current is null
                || string.IsNullOrEmpty(current.Spec?.HolderIdentity)
                || now - observed.Since >= duration;
            if (free)
            {
                var taken = await LeaseReads.TryTakeAsync(
                    client,
                    current,
                    Desired(ns, name, identity, settings, current),
                    cancellationToken
                );
                if (taken is not null)
                {
                    return new SyncLease(client, taken, settings.Duration / 3);
                }
                continue; // another Sync won the race: look again
            }
            if (now >= deadline)
            {
                throw new SyncLeaseTimeoutException(
                    $"another Sync holds lease {ns}/{name} ({Describe(current!)}); waited "
                        + $"{settings.Timeout.TotalSeconds:F0}s (--lock-timeout). Let it finish and run again, or raise "
                        + "--lock-timeout. A holder that died releases the lease "
                        + $"{duration.TotalSeconds:F0}s after its last renewal."
                );
            }
            var wait = deadline - now;
            await Task.Delay(
                wait < settings.PollInterval ? wait : settings.PollInterval,
                cancellationToken
            );
        }
    }

    /// <summary>Who holds a lease, from the annotations Sync writes: host, process, and the CI run.</summary>
    public static string Describe(V1Lease lease)
    {
        var annotations = lease.Metadata.Annotations ?? new Dictionary<string, string>();
        if (!annotations.TryGetValue(HostAnnotation, out var host))
        {
            return $"held by {lease.Spec?.HolderIdentity}";
        }
        annotations.TryGetValue(ProcessAnnotation, out var process);
        var text = $"held by host {host}, process {process}";
        return annotations.TryGetValue(RunAnnotation, out var run) ? $"{text}, run {run}" : text;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        _stop.Dispose();
        if (Lost is not null)
        {
            return;
        }
        // Released at once so a waiting Sync need not wait for expiry; if this fails, the lease still expires.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var released = _lease;
        released.Spec.HolderIdentity = null;
        released.Spec.RenewTime = DateTime.UtcNow;
        try
        {
            await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(
                released,
                _name,
                _namespace,
                cancellationToken: timeout.Token
            );
        }
        catch (Exception exception)
            when (exception
                    is HttpOperationException
                        or HttpRequestException
                        or OperationCanceledException
            )
        {
            Engine.Log.Warning(
                $"Could not release lease {_namespace}/{_name} ({exception.Message}); it expires by itself."
            );
        }
    }

    private async Task RenewAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, cancellationToken);
                _lease.Spec.RenewTime = DateTime.UtcNow;
                _lease = await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(
                    _lease,
                    _name,
                    _namespace,
                    cancellationToken: cancellationToken
                );
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException exception)
                when (exception.Response.StatusCode == HttpStatusCode.Conflict)
            {
                var current = await LeaseReads.GetAsync(
                    _client,
                    _namespace,
                    _name,
                    CancellationToken.None
                );
                if (current?.Spec?.HolderIdentity != _identity)
                {
                    Lost =
                        $"lease {_namespace}/{_name} was taken over ({(current is null ? "deleted" : Describe(current))}) "
                        + "while this Sync held it";
                    return;
                }
                _lease = current;
            }
            catch (Exception exception)
                when (exception is HttpOperationException or HttpRequestException)
            {
                // A failed renewal is retried next round; the lease lasts three rounds.
            }
        }
    }

    private static V1Lease Desired(
        string ns,
        string name,
        string identity,
        LeaseSettings settings,
        V1Lease? current
    )
    {
        var now = DateTime.UtcNow;
        var annotations = new Dictionary<string, string>
        {
            [HostAnnotation] = settings.Holder.Host,
            [ProcessAnnotation] = settings.Holder.Process,
        };
        if (settings.Holder.RunUrl is { } run)
        {
            annotations[RunAnnotation] = run;
        }
        return new V1Lease
        {
            ApiVersion = "coordination.k8s.io/v1",
            Kind = "Lease",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                ResourceVersion = current?.Metadata.ResourceVersion,
                Annotations = annotations,
            },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = identity,
                LeaseDurationSeconds = (int)settings.Duration.TotalSeconds,
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = (current?.Spec?.LeaseTransitions ?? 0) + 1,
            },
        };
    }
}

/// <summary>Another Sync held the cluster's lease for the whole <c>--lock-timeout</c>.</summary>
internal sealed class SyncLeaseTimeoutException(string message)
    : InvalidOperationException(message);
