namespace Pipelines.Helmfile.Patches.Transformers;

/// <summary>
/// kustomize's ImageTagTransformer: every <c>image</c> of <c>containers</c> and <c>initContainers</c>, anywhere in
/// an object, and any field its <c>fieldSpecs</c> name, whose image name is <c>imageTag.name</c> gets the new name,
/// tag or digest. A new tag drops the old digest and a new digest the old tag, as kustomize does.
/// </summary>
internal sealed class ImageTagTransformer : TransformerConfig
{
    private static readonly string[] ImageTagFields = ["name", "newName", "newTag", "digest"];
    private readonly Dictionary<string, string> _image;
    private readonly IReadOnlyList<FieldSpec> _specs;

    public ImageTagTransformer(string where, Fields fields)
        : base(where)
    {
        var image = fields.Map("imageTag");
        if (image.Keys.FirstOrDefault(k => !ImageTagFields.Contains(k)) is { } unknown)
        {
            throw new PatchFailure(
                $"{where}: imageTag has an unknown field '{unknown}'; it takes {string.Join(", ", ImageTagFields)}."
            );
        }
        _image = image.ToDictionary(p => p.Key, p => ObjectIdentity.Scalar(p.Value));
        if (_image.GetValueOrDefault("name") is not { Length: > 0 })
        {
            throw new PatchFailure(
                $"{where}: imageTag needs the name of the image to change, e.g. imageTag: {{name: nginx, newTag: \"1.27\"}}."
            );
        }
        _specs = fields.Specs();
    }

    public override void Transform(IReadOnlyList<PatchedObject> objects)
    {
        foreach (var patched in objects)
        {
            Containers(patched.Data);
            foreach (var spec in _specs.Where(s => s.Selects(patched.Current)))
            {
                spec.Visit(patched.Data, SetImage);
            }
        }
    }

    private void Containers(object? node)
    {
        switch (node)
        {
            case Dictionary<string, object?> map:
                foreach (var (key, value) in map)
                {
                    if (
                        key is "containers" or "initContainers"
                        && value is List<object?> containers
                    )
                    {
                        containers
                            .OfType<Dictionary<string, object?>>()
                            .ToList()
                            .ForEach(c => SetImage(c, "image"));
                    }
                    Containers(value);
                }
                break;
            case List<object?> list:
                list.ForEach(Containers);
                break;
        }
    }

    private void SetImage(Dictionary<string, object?> map, string field)
    {
        if (map.GetValueOrDefault(field) is string image && Updated(image) is { } updated)
        {
            map[field] = updated;
        }
    }

    /// <summary>The new reference, or null when <paramref name="image"/> is another image.</summary>
    internal string? Updated(string image)
    {
        var (name, tag, digest) = Split(image);
        if (name != _image["name"])
        {
            return null;
        }
        name = _image.GetValueOrDefault("newName") is { Length: > 0 } newName ? newName : name;
        var newTag = _image.GetValueOrDefault("newTag") ?? "";
        var newDigest = _image.GetValueOrDefault("digest") ?? "";
        if (newTag.Length > 0 || newDigest.Length > 0)
        {
            (tag, digest) = (newTag, newDigest);
        }
        return name + (tag.Length > 0 ? ":" + tag : "") + (digest.Length > 0 ? "@" + digest : "");
    }

    private static (string Name, string Tag, string Digest) Split(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var digest = at < 0 ? "" : image[(at + 1)..];
        var rest = at < 0 ? image : image[..at];
        var colon = rest.LastIndexOf(':');
        return colon > rest.LastIndexOf('/')
            ? (rest[..colon], rest[(colon + 1)..], digest)
            : (rest, "", digest);
    }
}
