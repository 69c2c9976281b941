namespace Pipelines.Sync;

/// <summary>
/// The objects Sync has applied to a cluster, kept in the cluster itself (a ConfigMap, as Flux keeps its
/// inventory), so prune knows what it owns without listing every kind.
/// Each line: <c>group/Kind/namespace/name version release</c>. The key leaves the version out, so an object
/// moving to a newer API version (HPA v2beta2 to v2) is the same object, never pruned and recreated.
/// </summary>
internal sealed record InventoryEntry(
    string Group,
    string Version,
    string Kind,
    string? Namespace,
    string Name,
    string Release
)
{
    public string Key => $"{Group}/{Kind}/{Namespace ?? ""}/{Name}";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public override string ToString() => $"{Key} {Version} {Release}";

    public static InventoryEntry? Parse(string line)
    {
        var fields = line.Split(' ');
        var parts = fields[0].Split('/');
        return parts.Length == 4 && fields.Length == 3
            ? new InventoryEntry(
                parts[0],
                fields[1],
                parts[1],
                parts[2].Length == 0 ? null : parts[2],
                parts[3],
                fields[2]
            )
            : null;
    }
}

internal static class Inventory
{
    public const string Name = "pipelines-inventory";

    public static Dictionary<string, object?> ToConfigMap(
        string ns,
        string environment,
        string cluster,
        IEnumerable<InventoryEntry> entries
    ) =>
        new()
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new Dictionary<string, object?>
            {
                ["name"] = $"{Name}-{environment}",
                ["namespace"] = ns,
                ["labels"] = new Dictionary<string, object?> { [Tracking.ClusterLabel] = cluster },
            },
            ["data"] = new Dictionary<string, object?>
            {
                ["objects"] = string.Join(
                    '\n',
                    entries.Select(e => e.ToString()).Order(StringComparer.Ordinal)
                ),
            },
        };

    public static IReadOnlyList<InventoryEntry> FromConfigMap(
        Dictionary<string, object?>? configMap
    ) =>
        (
            (
                configMap?.GetValueOrDefault("data") as Dictionary<string, object?>
            )?.GetValueOrDefault("objects") as string
            ?? ""
        )
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(InventoryEntry.Parse)
            .OfType<InventoryEntry>()
            .ToList();
}
