using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Pipelines.Sync;

/// <summary>Reading and taking a Lease: not found is an answer, and a 409 means another writer was first.</summary>
internal static class LeaseReads
{
    public static async Task<V1Lease?> GetAsync(
        IKubernetes client,
        string ns,
        string name,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await client.CoordinationV1.ReadNamespacedLeaseAsync(
                name,
                ns,
                cancellationToken: cancellationToken
            );
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the lease, or replaces the one read (its resourceVersion); null when another writer won.</summary>
    public static async Task<V1Lease?> TryTakeAsync(
        IKubernetes client,
        V1Lease? current,
        V1Lease desired,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return current is null
                ? await client.CoordinationV1.CreateNamespacedLeaseAsync(
                    desired,
                    desired.Metadata.NamespaceProperty,
                    cancellationToken: cancellationToken
                )
                : await client.CoordinationV1.ReplaceNamespacedLeaseAsync(
                    desired,
                    desired.Metadata.Name,
                    desired.Metadata.NamespaceProperty,
                    cancellationToken: cancellationToken
                );
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }
}

/// <summary>Who holds a Sync lease: the host, the process, and on GitHub Actions the run's URL.</summary>
public sealed record LeaseHolder(string Host, string Process, string? RunUrl)
{
    /// <summary>This process, with the run URL from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID when set.</summary>
    public static LeaseHolder Current(Func<string, string?> environment)
    {
        var server = environment("GITHUB_SERVER_URL");
        var repository = environment("GITHUB_REPOSITORY");
        var run = environment("GITHUB_RUN_ID");
        var url =
            string.IsNullOrEmpty(server)
            || string.IsNullOrEmpty(repository)
            || string.IsNullOrEmpty(run)
                ? null
                : $"{server.TrimEnd('/')}/{repository}/actions/runs/{run}";
        return new LeaseHolder(
            Environment.MachineName,
            $"{Environment.ProcessId} ({Environment.ProcessPath ?? "dotnet"})",
            url
        );
    }
}

/// <summary>How Sync takes its lease: who it is, how long it waits for another holder, how long a lease lasts.</summary>
public sealed record LeaseSettings
{
    public LeaseHolder Holder { get; init; } =
        LeaseHolder.Current(Environment.GetEnvironmentVariable);

    /// <summary><c>--lock-timeout</c>: how long to wait for another Sync of the same cluster.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the lease lasts without renewal; it is renewed every third of it.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
