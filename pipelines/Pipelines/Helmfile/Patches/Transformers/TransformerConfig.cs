using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches.Transformers;

/// <summary>
/// One entry of a release's <c>transformers</c>: the configuration of one of kustomize's builtin transformers
/// (<c>apiVersion: builtin</c>), read strictly so that a misspelt field fails instead of doing nothing.
/// </summary>
internal abstract class TransformerConfig(string origin)
{
    public static readonly string[] Kinds =
    [
        "AnnotationsTransformer",
        "ImageTagTransformer",
        "LabelTransformer",
        "NamespaceTransformer",
        "ReplicaCountTransformer",
    ];

    /// <summary>How errors name it, e.g. <c>transformers #2 (LabelTransformer)</c>.</summary>
    public string Origin { get; } = origin;

    public abstract void Transform(IReadOnlyList<PatchedObject> objects);

    /// <summary>Refuses a configuration that would do nothing; runs after every field was read and known.</summary>
    protected virtual void Check() { }

    /// <exception cref="PatchFailure">Not a builtin transformer this renderer knows, or a malformed configuration.</exception>
    public static TransformerConfig Parse(object? config, string origin)
    {
        if (config is not Dictionary<string, object?> map)
        {
            throw new PatchFailure(
                $"{origin}: a transformer is a mapping with apiVersion and kind, not {YamlData.Describe(config)}."
            );
        }
        var kind = map.GetValueOrDefault("kind") as string ?? "(none)";
        var apiVersion = map.GetValueOrDefault("apiVersion") as string;
        if (apiVersion != "builtin")
        {
            throw new PatchFailure(
                $"{origin}: {kind} has apiVersion '{apiVersion ?? "(none)"}'; only kustomize's builtin transformers "
                    + $"(apiVersion: builtin) run here: {string.Join(", ", Kinds)}. Plugins that run programs "
                    + "(exec, KRM functions) are not run by RenderHelmfile."
            );
        }
        var where = $"{origin} ({kind})";
        var fields = new Fields(map, where);
        TransformerConfig transformer = kind switch
        {
            "LabelTransformer" => new MapFieldTransformer(where, fields, "labels"),
            "AnnotationsTransformer" => new MapFieldTransformer(where, fields, "annotations"),
            "ImageTagTransformer" => new ImageTagTransformer(where, fields),
            "ReplicaCountTransformer" => new ReplicaCountTransformer(where, fields),
            "NamespaceTransformer" => new NamespaceTransformer(where, fields),
            _ => throw new PatchFailure(
                $"{origin}: kind '{kind}' is not a transformer RenderHelmfile runs; the builtin transformers here are "
                    + $"{string.Join(", ", Kinds)}. For a patch, use the release's jsonPatches or strategicMergePatches."
            ),
        };
        fields.ThrowIfUnread();
        transformer.Check();
        return transformer;
    }

    /// <summary>The configuration's fields; any left unread at the end is a mistake worth an error.</summary>
    internal sealed class Fields(Dictionary<string, object?> map, string where)
    {
        private readonly HashSet<string> _read = ["apiVersion", "kind", "metadata"];

        public string Where => where;

        public object? Get(string key)
        {
            _read.Add(key);
            return map.GetValueOrDefault(key);
        }

        public Dictionary<string, object?> Map(string key) =>
            Get(key) switch
            {
                null => [],
                Dictionary<string, object?> value => value,
                var other => throw new PatchFailure(
                    $"{where}: '{key}' must be a mapping, not {YamlData.Describe(other)}."
                ),
            };

        public IReadOnlyList<FieldSpec> Specs() => FieldSpec.ParseAll(Get("fieldSpecs"), where);

        public void ThrowIfUnread()
        {
            if (map.Keys.FirstOrDefault(k => !_read.Contains(k)) is { } unknown)
            {
                throw new PatchFailure(
                    $"{where}: unknown field '{unknown}'; it takes {string.Join(", ", _read.Order(StringComparer.Ordinal))}."
                );
            }
        }
    }
}
