using Pipelines.Helmfile.Rendering;

namespace Pipelines.Sync;

/// <summary>
/// Which inventory entries a run speaks for: every entry, or only those of the releases <c>--selector</c> chose.
/// Entries of other releases are neither compared, applied nor pruned, and are written back as they are.
/// </summary>
internal sealed record SyncScope(IReadOnlySet<string>? Releases)
{
    public static readonly SyncScope Everything = new((IReadOnlySet<string>?)null);

    public static SyncScope Of(ClusterRender render) =>
        render.Complete ? Everything : new(render.Releases.Select(r => r.Release.Name).ToHashSet());

    public bool Covers(InventoryEntry entry) =>
        Releases is null || Releases.Contains(entry.Release);
}
