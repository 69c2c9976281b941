namespace Pipelines.Helmfile.Patches;

/// <summary>
/// How a strategic merge joins a list, from the Kubernetes API types' <c>patchMergeKey</c> and
/// <c>x-kubernetes-list-map-keys</c> (what kustomize reads from the OpenAPI schema of built-in kinds). Lists these do
/// not name merge by <c>name</c> when every item has one, as kustomize infers for any kind (custom resources have
/// no schema for it); any other list is replaced whole.
/// </summary>
/// <remarks>
/// The diff's <c>Sync.Diff.ListKeys</c> guesses an identity from the items themselves; a patch needs the API's own
/// keys instead: volumeMounts merge by mountPath even when their names are unique, container ports by port and
/// protocol.
/// </remarks>
internal static class MergeKeys
{
    /// <summary>Merge a list of scalars as a set (<c>metadata.finalizers</c>).</summary>
    public static readonly IReadOnlyList<string> Set = [""];

    private static readonly string[] Containers =
    [
        "containers",
        "initContainers",
        "ephemeralContainers",
    ];

    private static readonly Dictionary<string, string[]> ByField = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["env"] = ["name"],
        ["volumes"] = ["name"],
        ["imagePullSecrets"] = ["name"],
        ["resourceClaims"] = ["name"],
        ["schedulingGates"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["volumeDevices"] = ["devicePath"],
        ["hostAliases"] = ["ip"],
        ["topologySpreadConstraints"] = ["topologyKey", "whenUnsatisfiable"],
        ["ownerReferences"] = ["uid"],
        ["conditions"] = ["type"],
    };

    /// <summary>
    /// The keys for the list at <paramref name="path"/> (field names from the object's top, list items skipped),
    /// <see cref="Set"/> for a set of scalars, or null when the schema says nothing.
    /// </summary>
    public static IReadOnlyList<string>? ForBuiltIn(string kind, IReadOnlyList<string> path)
    {
        var field = path[^1];
        if (field == "ports")
        {
            if (path.Count >= 2 && Containers.Contains(path[^2]))
            {
                return ["containerPort", "protocol"];
            }
            return kind == "Service" && path.Count == 2 && path[0] == "spec"
                ? ["port", "protocol"]
                : null;
        }
        if (field == "finalizers" && path.Count == 2 && path[0] == "metadata")
        {
            return Set;
        }
        return ByField.GetValueOrDefault(field);
    }
}
