using Pipelines.Helmfile.Manifests;

namespace Pipelines.Helmfile.Patches;

/// <summary>One rendered object while patches and transformers change it: its data is a private copy.</summary>
internal sealed class PatchedObject(ManifestObject original)
{
    public ManifestObject Original { get; } = original;

    public Dictionary<string, object?> Data { get; set; } =
        (Dictionary<string, object?>)Yaml.Data.ValueMerge.Clone(original.Data)!;

    /// <summary>Set by a strategic merge patch with <c>$patch: delete</c> at its top.</summary>
    public bool Deleted { get; set; }

    public string ApiVersion => ObjectIdentity.Scalar(Data.GetValueOrDefault("apiVersion"));

    public string Kind => ObjectIdentity.Scalar(Data.GetValueOrDefault("kind"));

    public string Name =>
        ObjectIdentity.Scalar(ObjectIdentity.Metadata(Data).GetValueOrDefault("name"));

    /// <summary>The object as it stands, for selectors; <see cref="ManifestObject.Namespace"/> is not used by them.</summary>
    public ManifestObject Current =>
        Original with
        {
            ApiVersion = ApiVersion,
            Kind = Kind,
            Name = Name,
            Data = Data,
        };

    /// <summary>How errors name it: <c>Deployment web (web/templates/deployment.yaml)</c>.</summary>
    public override string ToString() => $"{Kind} {Name} ({Original.SourceTemplate})";
}
