namespace Pipelines.Helmfile.Patches.Transformers;

/// <summary>
/// kustomize's LabelTransformer and AnnotationsTransformer: sets each entry in the mapping at every
/// <c>fieldSpecs</c> path of the objects they select, as strings.
/// </summary>
internal sealed class MapFieldTransformer : TransformerConfig
{
    private readonly Dictionary<string, string> _entries;
    private readonly IReadOnlyList<FieldSpec> _specs;
    private readonly string _field;

    public MapFieldTransformer(string where, Fields fields, string field)
        : base(where)
    {
        _field = field;
        _entries = fields.Map(field).ToDictionary(p => p.Key, p => ObjectIdentity.Scalar(p.Value));
        _specs = fields.Specs();
    }

    protected override void Check()
    {
        if (_entries.Count > 0 && _specs.Count == 0)
        {
            // kustomize would change nothing and helmfile print the chart as it is: almost certainly not what was meant.
            throw new PatchFailure(
                $"{Origin}: has no fieldSpecs, so kustomize (and helmfile) would add the {_field} nowhere. Say where they "
                    + $"go, e.g. fieldSpecs: [{{path: metadata/{_field}, create: true}}]; kustomize's own {_field} "
                    + $"defaults add spec/template/metadata/{_field} for workloads too."
            );
        }
    }

    public override void Transform(IReadOnlyList<PatchedObject> objects)
    {
        foreach (var patched in objects)
        {
            foreach (var spec in _specs.Where(s => s.Selects(patched.Current)))
            {
                spec.Visit(patched.Data, (map, name) => Set(map, name, patched, spec));
            }
        }
    }

    private void Set(
        Dictionary<string, object?> map,
        string name,
        PatchedObject patched,
        FieldSpec spec
    )
    {
        var target = map.GetValueOrDefault(name) switch
        {
            Dictionary<string, object?> existing => existing,
            null => (Dictionary<string, object?>)(map[name] = new Dictionary<string, object?>()),
            var other => throw new PatchFailure(
                $"{Origin}: {patched}: {string.Join('/', spec.Path)} is {Yaml.Data.YamlData.Describe(other)}, not a mapping."
            ),
        };
        foreach (var (key, value) in _entries)
        {
            target[key] = value;
        }
    }
}
