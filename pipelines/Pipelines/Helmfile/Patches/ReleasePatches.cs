using Pipelines.Helmfile.Patches.Transformers;

namespace Pipelines.Helmfile.Patches;

/// <summary>A release's patches and transformers, read and checked, in the order kustomize runs them.</summary>
internal sealed record ReleasePatches(
    IReadOnlyList<JsonPatchSpec> Json,
    IReadOnlyList<StrategicMergePatchSpec> StrategicMerge,
    IReadOnlyList<TransformerConfig> Transformers
)
{
    public static readonly ReleasePatches None = new([], [], []);

    public bool IsEmpty => Json.Count == 0 && StrategicMerge.Count == 0 && Transformers.Count == 0;
}

/// <summary>One <c>jsonPatches</c> entry: the objects it targets and the RFC 6902 operations.</summary>
internal sealed record JsonPatchSpec(
    string Origin,
    PatchTarget Target,
    IReadOnlyList<JsonPatchOperation> Operations
)
{
    private static readonly string[] Fields = ["target", "patch", "path"];

    /// <exception cref="PatchFailure">Not a mapping with a target and a patch.</exception>
    public static JsonPatchSpec Parse(object? entry, string origin)
    {
        if (entry is not Dictionary<string, object?> map)
        {
            throw new PatchFailure(
                $"{origin}: an entry is a mapping with target and patch, not {Yaml.Data.YamlData.Describe(entry)}."
            );
        }
        if (map.Keys.FirstOrDefault(k => !Fields.Contains(k)) is { } unknown)
        {
            throw new PatchFailure(
                $"{origin}: unknown field '{unknown}'; an entry has target and patch."
            );
        }
        if (map.ContainsKey("path"))
        {
            // chartify resolves it inside its temporary copy of the chart, which no helmfile names on purpose.
            throw new PatchFailure(
                $"{origin}: 'path' is resolved by chartify inside its temporary chart directory; give the operations "
                    + "inline under 'patch', or list a file holding the whole entry (target and patch) under jsonPatches."
            );
        }
        if (!map.ContainsKey("target"))
        {
            throw new PatchFailure(
                $"{origin}: needs a 'target' (e.g. {{kind: Deployment, name: web}}); kustomize applies a JSON patch only to the objects a target selects."
            );
        }
        var target = Wrap(() => PatchTarget.Parse(map["target"]), origin);
        return new JsonPatchSpec(
            origin,
            target,
            JsonPatchOperation.ParseAll(map.GetValueOrDefault("patch"), origin)
        );
    }

    private static T Wrap<T>(Func<T> read, string origin)
    {
        try
        {
            return read();
        }
        catch (PatchFailure failure)
        {
            throw new PatchFailure($"{origin}: {failure.Message}");
        }
    }
}

/// <summary>One <c>strategicMergePatches</c> entry: a partial object naming its target by apiVersion, kind and name.</summary>
internal sealed record StrategicMergePatchSpec(string Origin, Dictionary<string, object?> Patch)
{
    public string ApiVersion => ObjectIdentity.Scalar(Patch.GetValueOrDefault("apiVersion"));

    public string Kind => ObjectIdentity.Scalar(Patch.GetValueOrDefault("kind"));

    public string Name =>
        ObjectIdentity.Scalar(ObjectIdentity.Metadata(Patch).GetValueOrDefault("name"));

    /// <summary>As kustomize compares it: the namespace the patch sets, <c>default</c> when none.</summary>
    public string Namespace => ObjectIdentity.EffectiveNamespace(ApiVersion, Kind, Patch);

    /// <exception cref="PatchFailure">Not a mapping with apiVersion, kind and metadata.name.</exception>
    public static StrategicMergePatchSpec Parse(object? entry, string origin)
    {
        var spec = entry is Dictionary<string, object?> map
            ? new StrategicMergePatchSpec(origin, map)
            : throw new PatchFailure(
                $"{origin}: a patch is a partial Kubernetes object, not {Yaml.Data.YamlData.Describe(entry)}."
            );
        if (spec.ApiVersion.Length == 0 || spec.Kind.Length == 0 || spec.Name.Length == 0)
        {
            throw new PatchFailure(
                $"{origin}: needs apiVersion, kind and metadata.name (and metadata.namespace when the object sets one): "
                    + "kustomize finds the object to patch by them."
            );
        }
        return spec;
    }

    public override string ToString() => $"{Kind} {Name} ({ApiVersion}, namespace {Namespace})";
}
