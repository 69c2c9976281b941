using System.Net;
using k8s.Autorest;
using Pipelines.Sync.Kube;

namespace Pipelines.Sync;

/// <summary>Where one object lives, to read its live state.</summary>
internal sealed record ObjectLocation(ResourceType Type, string? Namespace, string Name);

/// <summary>
/// Reads the live state of many objects cheaply, as Argo CD's cluster cache does: one cluster-wide LIST per
/// resource type, filtered by this cluster's tracking label (<c>pipelines/cluster=NAME</c>), answers for every
/// object Sync applied before. Only objects the LIST did not return (new ones, or ones someone else made, which
/// lack the label) cost a GET each. A type the API server will not LIST falls back to GETs.
/// </summary>
internal sealed class LiveStateCache(ClusterApi api, string cluster)
{
    private const int ConcurrentReads = 8;

    /// <summary>
    /// The live objects, in the order of <paramref name="objects"/>; null where one does not exist or where no
    /// location was given (an object Sync does not compare, such as a hook).
    /// </summary>
    public async Task<Dictionary<string, object?>?[]> ReadAsync(
        IReadOnlyList<ObjectLocation?> objects,
        CancellationToken cancellationToken
    )
    {
        var found = new Dictionary<string, object?>?[objects.Count];
        var listed = new Dictionary<(ResourceType, string?, string), Dictionary<string, object?>>();
        var types = objects.OfType<ObjectLocation>().Select(o => o.Type).Distinct().ToList();
        var lists = new IReadOnlyList<Dictionary<string, object?>>?[types.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, types.Count),
            Options(cancellationToken),
            async (index, token) => lists[index] = await ListAsync(types[index], token)
        );
        for (var index = 0; index < types.Count; index++)
        {
            foreach (var item in lists[index] ?? [])
            {
                var metadata =
                    item.GetValueOrDefault("metadata") as Dictionary<string, object?> ?? [];
                listed[
                    (
                        types[index],
                        types[index].Namespaced
                            ? metadata.GetValueOrDefault("namespace") as string
                            : null,
                        metadata.GetValueOrDefault("name") as string ?? ""
                    )
                ] = item;
            }
        }
        var unlisted = new List<int>();
        for (var index = 0; index < objects.Count; index++)
        {
            if (objects[index] is not ObjectLocation(var type, var ns, var name))
            {
                continue;
            }
            if (listed.TryGetValue((type, ns, name), out var live))
            {
                found[index] = live;
            }
            else
            {
                unlisted.Add(index);
            }
        }
        await Parallel.ForEachAsync(
            unlisted,
            Options(cancellationToken),
            async (index, token) =>
                found[index] = await api.GetAsync(
                    objects[index]!.Type,
                    objects[index]!.Namespace,
                    objects[index]!.Name,
                    token
                )
        );
        return found;
    }

    /// <summary>The labelled objects of a type, or null when the server refuses to list it (GETs answer instead).</summary>
    private async Task<IReadOnlyList<Dictionary<string, object?>>?> ListAsync(
        ResourceType type,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await api.ListAsync(
                type,
                $"{Tracking.ClusterLabel}={cluster}",
                cancellationToken
            );
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode
                    is HttpStatusCode.Forbidden
                        or HttpStatusCode.NotFound
                        or HttpStatusCode.MethodNotAllowed
            )
        {
            // RBAC that grants get but not list, or a kind not served yet (its CRD comes in this sync).
            return null;
        }
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken };
}
