using k8s;
using k8s.Models;

namespace Pipelines.Sync.Kube;

/// <summary>
/// KubernetesClient's custom-object API has two methods for every verb, one for namespaced kinds and one for
/// cluster-scoped kinds, alike but for the namespace. These take the kind and an optional namespace (unused for a
/// cluster-scoped kind), so each of ClusterApi's operations makes one call.
/// </summary>
internal static class ScopedCustomObjects
{
    public static Task<object> CreateAsync(
        this ICustomObjectsOperations api,
        ResourceType type,
        string? ns,
        object body,
        CancellationToken ct
    ) =>
        type.Namespaced
            ? api.CreateNamespacedCustomObjectAsync(
                body,
                type.Group,
                type.Version,
                ns!,
                type.Plural,
                cancellationToken: ct
            )
            : api.CreateClusterCustomObjectAsync(
                body,
                type.Group,
                type.Version,
                type.Plural,
                cancellationToken: ct
            );

    public static Task<object> ReplaceAsync(
        this ICustomObjectsOperations api,
        ResourceType type,
        string? ns,
        string name,
        object body,
        CancellationToken ct
    ) =>
        type.Namespaced
            ? api.ReplaceNamespacedCustomObjectAsync(
                body,
                type.Group,
                type.Version,
                ns!,
                type.Plural,
                name,
                cancellationToken: ct
            )
            : api.ReplaceClusterCustomObjectAsync(
                body,
                type.Group,
                type.Version,
                type.Plural,
                name,
                cancellationToken: ct
            );

    public static Task<object> ApplyAsync(
        this ICustomObjectsOperations api,
        ResourceType type,
        string? ns,
        string name,
        V1Patch patch,
        string fieldManager,
        bool force,
        string? dryRun,
        CancellationToken ct
    ) =>
        type.Namespaced
            ? api.PatchNamespacedCustomObjectAsync(
                patch,
                type.Group,
                type.Version,
                ns!,
                type.Plural,
                name,
                dryRun,
                fieldManager,
                force: force,
                cancellationToken: ct
            )
            : api.PatchClusterCustomObjectAsync(
                patch,
                type.Group,
                type.Version,
                type.Plural,
                name,
                dryRun,
                fieldManager,
                force: force,
                cancellationToken: ct
            );

    public static Task<object> GetAsync(
        this ICustomObjectsOperations api,
        ResourceType type,
        string? ns,
        string name,
        CancellationToken ct
    ) =>
        type.Namespaced
            ? api.GetNamespacedCustomObjectAsync(
                type.Group,
                type.Version,
                ns!,
                type.Plural,
                name,
                ct
            )
            : api.GetClusterCustomObjectAsync(type.Group, type.Version, type.Plural, name, ct);

    public static Task<object> DeleteAsync(
        this ICustomObjectsOperations api,
        ResourceType type,
        string? ns,
        string name,
        V1DeleteOptions options,
        string? dryRun,
        CancellationToken ct
    ) =>
        type.Namespaced
            ? api.DeleteNamespacedCustomObjectAsync(
                type.Group,
                type.Version,
                ns!,
                type.Plural,
                name,
                body: options,
                dryRun: dryRun,
                cancellationToken: ct
            )
            : api.DeleteClusterCustomObjectAsync(
                type.Group,
                type.Version,
                type.Plural,
                name,
                body: options,
                dryRun: dryRun,
                cancellationToken: ct
            );
}
