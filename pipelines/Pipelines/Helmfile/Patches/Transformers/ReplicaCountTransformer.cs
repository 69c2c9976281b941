namespace Pipelines.Helmfile.Patches.Transformers;

/// <summary>
/// kustomize's ReplicaCountTransformer: sets <c>replica.count</c> at every <c>fieldSpecs</c> path of the objects
/// named <c>replica.name</c> whose kind the spec selects; finding none is an error, as in kustomize.
/// </summary>
internal sealed class ReplicaCountTransformer : TransformerConfig
{
    private readonly string _name;
    private readonly long _count;
    private readonly IReadOnlyList<FieldSpec> _specs;

    public ReplicaCountTransformer(string where, Fields fields)
        : base(where)
    {
        var replica = fields.Map("replica");
        if (replica.Keys.FirstOrDefault(k => k is not ("name" or "count")) is { } unknown)
        {
            throw new PatchFailure(
                $"{where}: replica has an unknown field '{unknown}'; it takes name and count."
            );
        }
        _name = ObjectIdentity.Scalar(replica.GetValueOrDefault("name"));
        _count = replica.GetValueOrDefault("count") is long count and >= 0
            ? count
            : throw new PatchFailure(
                $"{where}: replica needs a name and a whole count of 0 or more, e.g. replica: {{name: web, count: 3}}."
            );
        _specs = fields.Specs();
        if (_name.Length == 0 || _specs.Count == 0)
        {
            throw new PatchFailure(
                $"{where}: needs replica.name and fieldSpecs naming the kinds and path, e.g. "
                    + "fieldSpecs: [{kind: Deployment, path: spec/replicas, create: true}]."
            );
        }
    }

    public override void Transform(IReadOnlyList<PatchedObject> objects)
    {
        var found = false;
        foreach (var spec in _specs)
        {
            foreach (var patched in objects.Where(o => o.Name == _name && spec.Selects(o.Current)))
            {
                found = true;
                spec.Visit(patched.Data, (map, field) => map[field] = _count);
            }
        }
        if (!found)
        {
            var kinds = string.Join(", ", _specs.Select(s => s.Kind ?? "any kind"));
            throw new PatchFailure(
                $"{Origin}: no object named '{_name}' of {kinds}; kustomize refuses a replica count that changes nothing. "
                    + $"Objects of this release: {string.Join(", ", objects.Select(o => o.ToString()))}."
            );
        }
    }
}
